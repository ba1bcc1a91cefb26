import type { NetworkSpec } from '@onegrad/core';
import { describe, expect, it } from 'vitest';
import type { OrtModule } from './ort-like.js';
import { MAX_COMPILED_GRAPHS, SessionCache } from './session-cache.js';

describe('SessionCache', () => {
  it(`keeps at most ${MAX_COMPILED_GRAPHS} compiled graphs, dropping the least recently used`, async () => {
    const ort = (await import('onnxruntime-node')) as unknown as OrtModule;
    const cache = new SessionCache(ort, { executionProviders: ['cpu'], logSeverityLevel: 3 });
    const spec = (width: number): NetworkSpec => ({ sizes: [2, width, 1], loss: 'bce', dtype: 'float32' });
    const first = await cache.get(spec(1), 'forward');
    for (let width = 2; width <= MAX_COMPILED_GRAPHS + 8; width++) {
      await cache.get(spec(width), 'forward');
      // Width 1 is used again each time, so it is never the least recently used.
      expect(await cache.get(spec(1), 'forward')).toBe(first);
      expect(cache.size).toBeLessThanOrEqual(MAX_COMPILED_GRAPHS);
    }
    expect(cache.size).toBe(MAX_COMPILED_GRAPHS);
    const second = await cache.get(spec(2), 'forward');
    expect(cache.size).toBe(MAX_COMPILED_GRAPHS);
    expect(await cache.get(spec(2), 'forward')).toBe(second);
    await cache.release();
    expect(cache.size).toBe(0);
  });
});
