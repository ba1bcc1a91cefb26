import { describe, expect, it } from 'vitest';
import { base64Length, fromBase64, toBase64 } from './base64.js';
import { crc32 } from './crc32.js';
import {
  decodeParamsFile,
  encodeParamsFile,
  initParams,
  matrix,
  NonFiniteError,
  type ParamsFile,
  ParamsFileError,
  paramsBitEqual,
  seededRandom,
} from './index.js';

const spec = { sizes: [3, 4, 2], loss: 'bce', dtype: 'float32' } as const;

interface Editable {
  format: unknown;
  version: unknown;
  spec: { sizes: number[]; loss: string };
  layers: { W: { rows: number; data: string }; b: { data: string } }[];
  checksum?: string;
}

function edited(text: string, change: (file: Editable) => void): string {
  const file = JSON.parse(text);
  change(file);
  return JSON.stringify(file);
}

describe('params file', () => {
  it.each(['float32', 'float64'] as const)(
    'round-trips %s bit for bit, -0 and subnormals included',
    (dtype) => {
      const s = { ...spec, dtype };
      const params = initParams(s, 11);
      params[0]!.W.data[0] = -0;
      params[0]!.W.data[1] = dtype === 'float32' ? 2 ** -149 : 2 ** -1074;
      params[1]!.b.data[1] = dtype === 'float32' ? -3.4028234663852886e38 : -Number.MAX_VALUE;
      const text = encodeParamsFile(s, params);
      const back = decodeParamsFile(text);
      expect(back.spec).toEqual(s);
      expect(paramsBitEqual(back.params, params)).toBe(true);
      expect(Object.is(back.params[0]!.W.data[0], -0)).toBe(true);
      expect(encodeParamsFile(back.spec, back.params)).toBe(text);
    },
  );

  it('keeps the activations, and the checksum covers them', () => {
    const s = { sizes: [3, 4, 3], activations: ['tanh', 'softmax'], loss: 'cce', dtype: 'float64' } as const;
    const text = encodeParamsFile(s, initParams(s, 5));
    const back = decodeParamsFile(text);
    expect(back.spec).toEqual(s);
    // Relabelled as a relu network: the parameters would be read as another function.
    const relabelled = edited(text, (f) => {
      (f.spec as { activations?: string[] }).activations = ['relu', 'softmax'];
    });
    expect(() => decodeParamsFile(relabelled)).toThrow(ParamsFileError);
    // A default network's file does not name activations, so its checksum is as before.
    expect(JSON.parse(encodeParamsFile(spec, initParams(spec, 1))).spec).not.toHaveProperty('activations');
  });

  it('writes the documented layout', () => {
    const file = JSON.parse(encodeParamsFile(spec, initParams(spec, 1))) as ParamsFile;
    expect(Object.keys(file)).toEqual(['format', 'version', 'spec', 'layers', 'checksum']);
    expect(file.layers[0]!.W.rows).toBe(3);
    expect(fromBase64(file.layers[0]!.W.data)!.length).toBe(3 * 4 * 4);
    expect(file.checksum).toMatch(/^crc32:[0-9a-f]{8}$/);
  });

  it('refuses non-finite parameters when saving', () => {
    const params = initParams(spec, 1);
    params[1]!.W.data[3] = Number.NaN;
    expect(() => encodeParamsFile(spec, params)).toThrow(NonFiniteError);
  });

  const good = encodeParamsFile(spec, initParams(spec, 2));
  it.each([
    ['truncated', good.slice(0, good.length / 2), 'file', /not JSON/],
    ['empty', '', 'file', /not JSON/],
    ['another format', edited(good, (f) => (f.format = 'x')), 'file.format', /onegrad-params/],
    ['a newer version', edited(good, (f) => (f.version = 2)), 'file.version', /expected 1/],
    ['a bad spec', edited(good, (f) => (f.spec.sizes = [3, 0, 2])), 'file.spec.sizes[1]', />= 1/],
    ['a missing layer', edited(good, (f) => f.layers.pop()), 'file.layers', /expected 2 layers/],
    [
      'a transposed shape',
      edited(good, (f) => (f.layers[0]!.W.rows = 4)),
      'file.layers[0].W',
      /3x4, got 4x4/,
    ],
    ['cut data', edited(good, (f) => (f.layers[1]!.b.data = 'AAAA')), 'file.layers[1].b.data', /8 bytes/],
    [
      'non-base64 data',
      edited(good, (f) => (f.layers[1]!.b.data = '!!!!')),
      'file.layers[1].b.data',
      /base64/,
    ],
    [
      'one flipped value',
      edited(good, (f) => {
        const bytes = fromBase64(f.layers[0]!.W.data)!;
        bytes[5] = (bytes[5] as number) ^ 1;
        f.layers[0]!.W.data = toBase64(bytes);
      }),
      'file.checksum',
      /altered or damaged/,
    ],
    ['a relabelled loss', edited(good, (f) => (f.spec.loss = 'mse')), 'file.checksum', /altered/],
    ['no checksum', edited(good, (f) => delete f.checksum), 'file.checksum', /undefined/],
  ])('refuses %s', (_, text, parameter, message) => {
    expect(() => decodeParamsFile(text)).toThrow(ParamsFileError);
    expect(() => decodeParamsFile(text)).toThrow(expect.objectContaining({ parameter }));
    expect(() => decodeParamsFile(text)).toThrow(message);
  });

  it('refuses a crafted file whose checksum matches non-finite values', () => {
    const f32 = { ...spec, sizes: [1, 1] };
    const text = encodeParamsFile(f32, [{ W: matrix(1, 1, [1]), b: matrix(1, 1, [0]) }]);
    const file = JSON.parse(text);
    file.layers[0]!.W.data = toBase64(new Uint8Array(Float32Array.of(Number.POSITIVE_INFINITY).buffer));
    const header = Uint8Array.from('onegrad-params/1 1,1 bce float32', (c) => c.charCodeAt(0));
    const bytes = [fromBase64(file.layers[0]!.W.data)!, fromBase64(file.layers[0]!.b.data)!];
    file.checksum = `crc32:${crc32(header, ...bytes)
      .toString(16)
      .padStart(8, '0')}`;
    expect(() => decodeParamsFile(JSON.stringify(file))).toThrow(
      expect.objectContaining({ name: 'ParamsFileError', parameter: 'file.layers[0].W' }),
    );
  });
});

describe('crc32 and base64', () => {
  it('match the standard check values', () => {
    expect(crc32(Uint8Array.from('123456789', (c) => c.charCodeAt(0)))).toBe(0xcbf43926);
    expect(toBase64(Uint8Array.from('foobar', (c) => c.charCodeAt(0)))).toBe('Zm9vYmFy');
    expect(toBase64(Uint8Array.from('fo', (c) => c.charCodeAt(0)))).toBe('Zm8=');
    expect(Array.from(fromBase64('Zm8=')!)).toEqual([102, 111]);
    expect(fromBase64('Zm9=')).toBeUndefined();
  });

  it('round-trip every length and refuse what is not canonical', () => {
    const rand = seededRandom(3);
    for (let n = 0; n < 40; n++) {
      const bytes = Uint8Array.from({ length: n }, () => Math.floor(rand() * 256));
      const text = toBase64(bytes);
      expect(text.length).toBe(base64Length(n));
      expect(Buffer.from(bytes).toString('base64')).toBe(text);
      expect(Array.from(fromBase64(text)!)).toEqual(Array.from(bytes));
    }
    for (const bad of ['Zm9', 'Zg==Zg==', 'Zh==', 'Z===', '=AAA', 'AA=A', 'Zm9v\u00e9AAA', 'Zm\u0100=']) {
      expect(fromBase64(bad), bad).toBeUndefined();
    }
  });
});
