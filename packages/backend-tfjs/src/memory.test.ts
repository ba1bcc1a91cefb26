import { describe, expect, it } from 'vitest';
import { createTfjsBackend } from './index.js';
import { loadTfjs } from './load-tfjs.js';
import { seedNet } from './seed-net.test.util.js';

describe.each(['cpu', 'wasm'] as const)('tensor memory on tfjs-%s', (tfBackend) => {
  it('holds as many tensors after 10,000 steps as after the first, and none after dispose', async () => {
    const tf = await loadTfjs();
    const { spec, params, batch } = seedNet('bce');
    const backend = createTfjsBackend({ tfBackend });
    await backend.init();
    const before = tf.memory().numTensors;
    const session = await backend.createSession(spec, params);
    await session.step(batch, { learningRate: 0.1 });
    const afterFirst = tf.memory().numTensors;
    expect(afterFirst).toBe(before + 4);
    for (let i = 1; i < 10_000; i++) await session.step(batch, { learningRate: 0.1, trace: i % 1000 === 0 });
    await session.forward(batch.x);
    await session.setParams(params);
    expect(tf.memory().numTensors).toBe(afterFirst);
    await backend.dispose();
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);
});
