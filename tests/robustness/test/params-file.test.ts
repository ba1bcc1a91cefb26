import {
  decodeParamsFile,
  encodeParamsFile,
  initParams,
  ParamsFileError,
  paramsBitEqual,
} from '@onegrad/core';
import { describe, expect, it } from 'vitest';
import { seedNet } from '../src/seed-net.js';
import { TARGETS } from '../src/targets.js';
import { startedPerTarget } from './backends.js';

describe('saved parameters', () => {
  const backendOf = startedPerTarget();

  it.each(TARGETS.map((t) => [t.label, t] as const))(
    'from %s load bit for bit into every backend of the dtype',
    async (label, target) => {
      const { batch, learningRate } = seedNet(target.dtype);
      const spec = { sizes: [2, 5, 3, 1], loss: 'mse', dtype: target.dtype } as const;
      const session = await backendOf(target).createSession(spec, initParams(spec, 7));
      for (let i = 0; i < 5; i++) await session.step(batch, { learningRate: learningRate * 10 });
      const trained = await session.getParams();
      const text = encodeParamsFile(session.spec, trained);
      const loaded = decodeParamsFile(text);
      expect(loaded.spec).toEqual(spec);
      expect(paramsBitEqual(loaded.params, trained)).toBe(true);
      for (const other of TARGETS.filter((t) => t.dtype === target.dtype)) {
        const next = await backendOf(other).createSession(loaded.spec, loaded.params);
        expect(paramsBitEqual(await next.getParams(), trained), `${label} -> ${other.label}`).toBe(true);
        await next.setParams(decodeParamsFile(encodeParamsFile(spec, await next.getParams())).params);
        expect(paramsBitEqual(await next.getParams(), trained)).toBe(true);
        next.dispose();
      }
      session.dispose();
    },
  );
});

describe('hostile parameters files', () => {
  const spec = { sizes: [2, 2], loss: 'bce', dtype: 'float32' } as const;
  const good = encodeParamsFile(spec, initParams(spec, 1));

  it('refuses a 2x2 network whose payload is 64 MB from its length, before decoding it', () => {
    const file = JSON.parse(good);
    file.layers[0].W.data = 'AAAA'.repeat(16 * 2 ** 20);
    const error = (() => {
      try {
        decodeParamsFile(JSON.stringify(file));
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ParamsFileError);
    expect((error as ParamsFileError).parameter).toBe('file.layers[0].W.data');
    expect((error as Error).message).toContain(`got ${64 * 2 ** 20} characters`);
  });

  it('reads a file that starts with a byte order mark', () => {
    const loaded = decodeParamsFile(`\uFEFF${good}`);
    expect(paramsBitEqual(loaded.params, initParams(spec, 1))).toBe(true);
  });
});
