import { DTYPES, LOSSES, UNIT_ROUNDOFF } from '@onegrad/core';
import { afterAll, describe, expect, it } from 'vitest';
import { createOnnxBackend } from './index.js';
import { maxRelDiff, seedBatch, seedParams, seedSpec } from './test/seed-net.js';
import { createOnnxWebBackend } from './web.js';

// onnxruntime-web runs its WebAssembly build in Node too: the same graphs, a different engine.
const web = createOnnxWebBackend();
const node = createOnnxBackend();
afterAll(async () => {
  await web.dispose();
  await node.dispose();
});

describe('web entry (onnxruntime-web, wasm)', () => {
  it('loads offline and names its engine', async () => {
    await web.init();
    expect(web.info.name).toBe('onnx-web');
    expect(web.info.engine).toMatch(/^onnxruntime-web \d+\.\d+\.\d+ \(wasm\)$/);
  });

  describe.each(DTYPES)('%s', (dtype) => {
    it.each(LOSSES)('%s: three traced steps match the Node entry within a few ulps', async (loss) => {
      const spec = seedSpec(loss, dtype);
      const [a, b] = await Promise.all([web, node].map((be) => be.createSession(spec, seedParams(dtype))));
      const tol = 64 * UNIT_ROUNDOFF[dtype];
      for (let i = 0; i < 3; i++) {
        const [w, n] = await Promise.all(
          [a!, b!].map((s) => s.step(seedBatch, { learningRate: 0.5, trace: true })),
        );
        expect(maxRelDiff([w!.loss], [n!.loss])).toBeLessThan(tol);
        w!.trace!.layers.forEach((layer, l) => {
          for (const key of ['z', 'a', 'dA', 'dZ', 'dW', 'db'] as const) {
            const want = Array.from(n!.trace!.layers[l]![key].data);
            expect(maxRelDiff(layer[key].data, want), `step ${i} ${key}${l + 1}`).toBeLessThan(tol);
          }
        });
      }
      const [pw, pn] = await Promise.all([a!.getParams(), b!.getParams()]);
      pw.forEach((p, l) => {
        expect(maxRelDiff(p.W.data, Array.from(pn[l]!.W.data))).toBeLessThan(tol);
      });
    });
  });
});
