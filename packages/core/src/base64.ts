// Standard base64 (RFC 4648, with padding) written out, so that it runs unchanged in Node and browsers.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const ENCODE = Uint8Array.from(ALPHABET, (ch) => ch.charCodeAt(0));
// 255 marks a character outside the alphabet.
const DECODE = (() => {
  const table = new Uint8Array(256).fill(255);
  ENCODE.forEach((code, i) => {
    table[code] = i;
  });
  return table;
})();
const EQUALS = 61;
// Every code is ASCII, which UTF-8 decodes one byte to one character (Node and browsers alike).
const ASCII = new TextDecoder();

/** Length of the padded base64 text of `bytes` bytes. */
export function base64Length(bytes: number): number {
  return 4 * Math.ceil(bytes / 3);
}

/** `bytes` as standard base64 text with `=` padding. */
export function toBase64(bytes: Uint8Array): string {
  const codes = new Uint8Array(base64Length(bytes.length));
  let o = 0;
  for (let i = 0; i < bytes.length; i += 3) {
    const rest = bytes.length - i;
    const n =
      ((bytes[i] as number) << 16) |
      (((rest > 1 ? bytes[i + 1] : 0) as number) << 8) |
      ((rest > 2 ? bytes[i + 2] : 0) as number);
    codes[o++] = ENCODE[(n >>> 18) & 63] as number;
    codes[o++] = ENCODE[(n >>> 12) & 63] as number;
    codes[o++] = rest > 1 ? (ENCODE[(n >>> 6) & 63] as number) : EQUALS;
    codes[o++] = rest > 2 ? (ENCODE[n & 63] as number) : EQUALS;
  }
  return ASCII.decode(codes);
}

/** The bytes of standard padded base64 text, or undefined when `text` is not canonical base64. */
export function fromBase64(text: string): Uint8Array | undefined {
  if (text.length % 4 !== 0) return undefined;
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - pad);
  const body = text.length - pad;
  let n = 0;
  let o = 0;
  for (let i = 0; i < body; i++) {
    const ch = text.charCodeAt(i);
    const code = ch < 256 ? (DECODE[ch] as number) : 255;
    if (code === 255) return undefined;
    n = (n << 6) | code;
    if ((i & 3) === 3) {
      out[o++] = n >>> 16;
      out[o++] = (n >>> 8) & 0xff;
      out[o++] = n & 0xff;
      n = 0;
    }
  }
  // Canonical form only: the bits the padding leaves unused must be zero.
  if (pad === 2) {
    if ((n & 0xf) !== 0) return undefined;
    out[o] = n >>> 4;
  } else if (pad === 1) {
    if ((n & 0x3) !== 0) return undefined;
    out[o++] = n >>> 10;
    out[o] = (n >>> 2) & 0xff;
  }
  return out;
}
