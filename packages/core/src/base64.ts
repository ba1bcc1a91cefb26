// Standard base64 (RFC 4648, with padding) written out, so that it runs unchanged in Node and browsers.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const CODES = new Map(Array.from(ALPHABET, (ch, i) => [ch, i]));

/** `bytes` as standard base64 text with `=` padding. */
export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += ALPHABET[(n >>> 18) & 63];
    out += ALPHABET[(n >>> 12) & 63];
    out += i + 1 < bytes.length ? ALPHABET[(n >>> 6) & 63] : '=';
    out += i + 2 < bytes.length ? ALPHABET[n & 63] : '=';
  }
  return out;
}

/** The bytes of standard padded base64 text, or undefined when `text` is not canonical base64. */
export function fromBase64(text: string): Uint8Array | undefined {
  if (text.length % 4 !== 0) return undefined;
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - pad);
  for (let i = 0, o = 0; i < text.length; i += 4) {
    let n = 0;
    for (let k = 0; k < 4; k++) {
      const ch = text[i + k] as string;
      const last = i + 4 === text.length;
      const code = ch === '=' && last && k >= 4 - pad ? 0 : CODES.get(ch);
      if (code === undefined) return undefined;
      n = (n << 6) | code;
    }
    for (let k = 0; k < 3 && o < out.length; k++) out[o++] = (n >>> (16 - 8 * k)) & 0xff;
  }
  // Canonical form only: re-encoding must give the same text, so unused padding bits are zero.
  return toBase64(out) === text ? out : undefined;
}
