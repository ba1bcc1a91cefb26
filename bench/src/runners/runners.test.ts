import { createTsBackend } from '@onegrad/backend-ts';
import { type Backend, initParams, matrix, type NetworkSpec, SpecError, seededRandom } from '@onegrad/core';
import { describe, expect, it } from 'vitest';
import { workloadById } from '../workloads.js';
import { createSessionOrSkip, sessionRunner } from './onegrad-session.js';
import { PlainMlp } from './plain-mlp.js';
import { RowSkipped } from './runner.js';

const SPEC: NetworkSpec = {
  sizes: [5, 4, 3],
  loss: 'cce',
  dtype: 'float32',
  activations: ['relu', 'softmax'],
};

/** A backend that refuses every spec the way an engine without a kernel does. */
function refusing(error: Error): Backend & { disposed: boolean } {
  const fake = {
    disposed: false,
    info: { name: 'fake', engine: 'none', dtypes: ['float32'] },
    init: async () => {},
    createSession: async () => {
      throw error;
    },
    dispose: async () => {
      fake.disposed = true;
    },
  };
  return fake as unknown as Backend & { disposed: boolean };
}

describe('createSessionOrSkip', () => {
  it('turns a SpecError into RowSkipped with the reason and releases the backend', async () => {
    const backend = refusing(new SpecError('spec.activations[0]', "no kernel for activation 'relu'"));
    const opened = createSessionOrSkip(backend, SPEC, initParams(SPEC, 1));
    await expect(opened).rejects.toBeInstanceOf(RowSkipped);
    await expect(opened).rejects.toThrow(/fake refuses the spec: spec.activations\[0\]: no kernel/);
    expect(backend.disposed).toBe(true);
  });

  it('rethrows any other error as it is', async () => {
    const opened = createSessionOrSkip(refusing(new TypeError('boom')), SPEC, initParams(SPEC, 1));
    await expect(opened).rejects.toBeInstanceOf(TypeError);
  });
});

describe('PlainMlp', () => {
  it('computes the step backend-ts computes for relu, softmax and cce', async () => {
    const m = 6;
    const rand = seededRandom(2);
    const x = matrix(
      m,
      5,
      Array.from({ length: m * 5 }, () => 2 * rand() - 1),
      'float32',
    );
    const y = matrix(
      m,
      3,
      Array.from({ length: m * 3 }, (_, e) => (e % 3 === Math.floor(e / 3) % 3 ? 1 : 0)),
      'float32',
    );
    const params = initParams(SPEC, 4);
    const plain = new PlainMlp(
      SPEC.sizes,
      params.map((p) => p.W.data as Float32Array),
      params.map((p) => p.b.data as Float32Array),
      ['relu', 'softmax'],
      'cce',
    );
    const session = await createTsBackend().createSession(SPEC, params);
    const want = await session.step({ x, y }, { learningRate: 0.5 });
    const cost = plain.step(x.data as Float32Array, y.data as Float32Array, m, 0.5);
    expect(cost).toBeCloseTo(want.loss, 5);
    // A second step from the updated parameters agrees too, so the updates were the same.
    const next = await session.step({ x, y }, { learningRate: 0.5 });
    expect(plain.step(x.data as Float32Array, y.data as Float32Array, m, 0.5)).toBeCloseTo(next.loss, 5);
    expect(next.loss).toBeLessThan(want.loss);
  });
});

describe('sessionRunner verify', () => {
  const w = workloadById('W5');
  const row = {
    workload: 'W5',
    impl: 'onegrad-ts',
    engine: 'js',
    dtype: 'float32',
    stepsPerCall: 1,
  } as const;

  it('passes a backend that computes the workload after its timed steps', async () => {
    const runner = await sessionRunner(createTsBackend(), row, w);
    for (let i = 0; i < 3; i++) await runner.step();
    await expect(runner.verify?.()).resolves.toBeUndefined();
    await runner.dispose();
  });

  it('fails a backend that accepts the spec but computes another network', async () => {
    const ts = createTsBackend();
    // The same sizes and loss with a sigmoid hidden layer in place of the workload's relu.
    const other = Object.create(ts, {
      createSession: {
        value: (spec: NetworkSpec, params: Parameters<Backend['createSession']>[1]) =>
          ts.createSession({ ...spec, activations: ['sigmoid', 'softmax'] }, params),
      },
    }) as Backend;
    const runner = await sessionRunner(other, row, w);
    await runner.step();
    await expect(runner.verify?.()).rejects.toThrow(/computes another step of W5 than backend-ts float64/);
    await runner.dispose();
  });
});
