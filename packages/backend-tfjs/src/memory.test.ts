import { DivergenceError, fromRows, initParams, type NetworkSpec, paramsBitEqual } from '@onegrad/core';
import { describe, expect, it, vi } from 'vitest';
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

  it.each([
    [[3, 4, 3], ['tanh', 'softmax'], 'cce', [0, 1, 0]],
    [[3, 4, 3], ['relu', 'softmax'], 'mse', [0, 1, 0]],
    [[3, 4, 1], ['relu', 'identity'], 'mse', [2]],
    [[3, 4, 1], ['sigmoid', 'tanh'], 'mse', [-1]],
  ] as const)('holds no intermediate of a %j %j + %s network', async (sizes, activations, loss, target) => {
    const tf = await loadTfjs();
    const spec: NetworkSpec = { sizes, loss, dtype: 'float32', activations };
    const batch = { x: fromRows([[1, -2, 0.5]]), y: fromRows([target]) };
    const backend = createTfjsBackend({ tfBackend });
    await backend.init();
    const before = tf.memory().numTensors;
    const session = await backend.createSession(spec, initParams(spec, 5));
    await session.step(batch, { learningRate: 0.1, trace: true });
    const afterFirst = tf.memory().numTensors;
    expect(afterFirst).toBe(before + 4);
    for (let i = 1; i < 200; i++) await session.step(batch, { learningRate: 0.1, trace: i % 50 === 0 });
    await session.forward(batch.x);
    expect(tf.memory().numTensors).toBe(afterFirst);
    await backend.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('holds no tensor after a run, and frees what a failed run made', async () => {
    const tf = await loadTfjs();
    const { spec, params, batch } = seedNet('bce');
    const backend = createTfjsBackend({ tfBackend });
    const session = await backend.createSession(spec, params);
    const held = tf.memory().numTensors;
    await session.train(batch, { learningRate: 0.1, steps: 500 });
    expect(tf.memory().numTensors).toBe(held);
    const trained = await session.getParams();
    // The engine fails in a kernel of the run's seventh step (five matMuls a step), then in the first read
    // (a chunk's costs): what the run made is freed, nothing is applied.
    const engine = tf.engine();
    const kernel = engine.runKernel.bind(engine);
    let matMuls = 0;
    const failing = vi.spyOn(engine, 'runKernel').mockImplementation((name, inputs, attrs) => {
      if (name === 'BatchMatMul' && ++matMuls === 33) throw new Error('engine failure');
      return kernel(name, inputs, attrs);
    });
    try {
      await expect(session.train(batch, { learningRate: 0.1, steps: 20 })).rejects.toThrow('engine failure');
    } finally {
      failing.mockRestore();
    }
    expect(matMuls).toBe(33);
    expect(tf.memory().numTensors).toBe(held);
    const read = vi.spyOn(tf.Tensor.prototype, 'dataSync').mockImplementationOnce(() => {
      throw new Error('engine failure');
    });
    try {
      await expect(session.train(batch, { learningRate: 0.1, steps: 20 })).rejects.toThrow('engine failure');
    } finally {
      read.mockRestore();
    }
    expect(tf.memory().numTensors).toBe(held);
    expect(paramsBitEqual(await session.getParams(), trained)).toBe(true);
    await backend.dispose();
  });

  it('frees the candidate of a refused step and of a step the engine failed in', async () => {
    const tf = await loadTfjs();
    const spec: NetworkSpec = { sizes: [1, 1], loss: 'bce', dtype: 'float32' };
    const params = [{ W: fromRows([[0]], 'float32'), b: fromRows([[0]], 'float32') }];
    const batch = { x: fromRows([[1e30]]), y: fromRows([[0]]) };
    const backend = createTfjsBackend({ tfBackend });
    const session = await backend.createSession(spec, params);
    const held = tf.memory().numTensors;
    for (const trace of [false, true]) {
      const refused = session.step(batch, { learningRate: 1e10, trace });
      await expect(refused).rejects.toBeInstanceOf(DivergenceError);
      expect(tf.memory().numTensors).toBe(held);
    }
    const read = vi.spyOn(tf.Tensor.prototype, 'dataSync').mockImplementationOnce(() => {
      throw new Error('engine failure');
    });
    await expect(session.step(batch, { learningRate: 0.1 })).rejects.toThrow('engine failure');
    read.mockRestore();
    expect(tf.memory().numTensors).toBe(held);
    expect(paramsBitEqual(await session.getParams(), params)).toBe(true);
    await backend.dispose();
  });
});
