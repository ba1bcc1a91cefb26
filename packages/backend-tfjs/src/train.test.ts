import { DivergenceError, fromRows, type NetworkSpec, type Params, paramsBitEqual } from '@onegrad/core';
import { describe, expect, it } from 'vitest';
import { createTfjsBackend } from './index.js';
import { loadTfjs } from './load-tfjs.js';
import { seedNet } from './seed-net.test.util.js';
import { PROBE_EVERY } from './tfjs-engine.js';

// A 1-1 identity network under mse whose cost grows about 2.2-fold a step at learning rate 1: it
// overflows float32 some fifty steps in, past the first chunk of a run's steps between probes.
const spec: NetworkSpec = { sizes: [1, 1], loss: 'mse', dtype: 'float32', activations: ['identity'] };
const params: Params = [{ W: fromRows([[0.5]], 'float32'), b: fromRows([[0.125]], 'float32') }];
const batch = { x: fromRows([[1], [0.5]]), y: fromRows([[0], [0.25]]) };
const learningRate = 1;

describe.each(['cpu', 'wasm'] as const)('train on tfjs-%s', (tfBackend) => {
  it('refuses the same step as step calls, past the first probe, with the same bits', async () => {
    const tf = await loadTfjs();
    const backend = createTfjsBackend({ tfBackend });
    const stepped = await backend.createSession(spec, params);
    const losses: number[] = [];
    let refusedAt = -1;
    for (let k = 0; k < 200 && refusedAt < 0; k++) {
      await stepped.step(batch, { learningRate }).then(
        (r) => losses.push(r.loss),
        (e: unknown) => {
          expect(e).toBeInstanceOf(DivergenceError);
          refusedAt = k;
        },
      );
    }
    expect(refusedAt).toBeGreaterThan(PROBE_EVERY);
    const run = await backend.createSession(spec, params);
    const held = tf.memory().numTensors;
    const error = await run.train(batch, { learningRate, steps: 200 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DivergenceError);
    expect((error as DivergenceError).step).toBe(refusedAt);
    expect(Array.from((error as DivergenceError).losses ?? [])).toEqual(losses);
    expect(paramsBitEqual(await run.getParams(), await stepped.getParams())).toBe(true);
    expect(tf.memory().numTensors).toBe(held);
    await backend.dispose();
  });

  it('gives the bits of step calls over runs of lengths around the probe interval', async () => {
    const { spec: seed, params: start, batch: data } = seedNet('bce');
    const backend = createTfjsBackend({ tfBackend });
    const stepped = await backend.createSession(seed, start);
    const run = await backend.createSession(seed, start);
    for (const steps of [1, PROBE_EVERY - 1, PROBE_EVERY, PROBE_EVERY + 1, 3 * PROBE_EVERY + 5]) {
      const want: number[] = [];
      for (let k = 0; k < steps; k++) want.push((await stepped.step(data, { learningRate: 0.5 })).loss);
      const got = await run.train(data, { learningRate: 0.5, steps });
      expect(Array.from(got.losses)).toEqual(want);
      expect(paramsBitEqual(await run.getParams(), await stepped.getParams())).toBe(true);
    }
    await backend.dispose();
  });
});
