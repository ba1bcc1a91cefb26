import { decodeParamsFile, encodeParamsFile, initParams, paramsBitEqual } from '@onegrad/core';
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
