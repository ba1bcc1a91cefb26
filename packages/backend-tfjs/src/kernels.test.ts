import {
  fromRows,
  type NetworkSpec,
  type Params,
  registerActivation,
  registerLoss,
  SpecError,
} from '@onegrad/core';
import { describe, expect, it } from 'vitest';
import { createTfjsBackend } from './index.js';
import {
  registerTfjsActivation,
  registerTfjsLoss,
  type TfjsActivationKernel,
  type TfjsLossKernel,
} from './kernels-entry.js';
import { loadTfjs } from './load-tfjs.js';

// softsign(z) = z / (1 + |z|), whose derivative is 1 / (1 + |z|)^2; known to core, not (yet) to this backend.
registerActivation({
  name: 'softsign',
  formula: 'A = Z / (1 + |Z|)',
  derivative: 'dA/dZ = 1 / (1 + |Z|)^2',
  rowwise: false,
  minUnits: 1,
});
const softsign: TfjsActivationKernel = {
  name: 'softsign',
  forward: ({ tf }, z) => tf.div(z, tf.add(1, tf.abs(z))),
  backward: ({ tf }, dA, z) => tf.div(dA, tf.square(tf.add(1, tf.abs(z)))),
};

// The absolute error |a - y|, after any activation; dl/dA = sign(a - y).
registerLoss({
  name: 'mae',
  formula: 'l = |a - y|',
  gradA: 'dl/dA = sign(A - Y)',
  chanceCost: (outputs) => outputs / 2,
});
const mae: TfjsLossKernel = {
  name: 'mae',
  terms: ({ tf }, _z, a, y) => tf.abs(tf.sub(a, y)),
  gradA: ({ tf }, a, y) => tf.sign(tf.sub(a, y)),
};

/** A 1-2-1 network: a hidden layer of `hidden` under a sigmoid output, with fixed dyadic weights. */
function net(hidden: string, loss: string): { spec: NetworkSpec; params: Params } {
  const spec: NetworkSpec = { sizes: [1, 2, 1], loss, dtype: 'float32', activations: [hidden, 'sigmoid'] };
  const params = [
    { W: fromRows([[0.5, -1.5]], 'float32'), b: fromRows([[0.25, 0.125]], 'float32') },
    { W: fromRows([[1], [-0.5]], 'float32'), b: fromRows([[0]], 'float32') },
  ];
  return { spec, params };
}

const batch = { x: fromRows([[1], [-2]]), y: fromRows([[1], [0]]) };

/** The rejection of `createSession` on a fresh tfjs-cpu backend, or undefined when it resolved. */
async function refusal(spec: NetworkSpec, params: Params): Promise<unknown> {
  const backend = createTfjsBackend();
  const error = await backend.createSession(spec, params).then(
    () => undefined,
    (e: unknown) => e,
  );
  await backend.dispose();
  return error;
}

describe('kernels registered by name', () => {
  it('refuses a spec whose activation or loss has no kernel, naming it, before allocating', async () => {
    const tf = await loadTfjs();
    const { spec, params } = net('softsign', 'bce');
    // tf.memory() needs a registered tfjs backend.
    const started = createTfjsBackend();
    await started.init();
    const before = tf.memory().numTensors;
    const error = await refusal(spec, params);
    expect(error).toBeInstanceOf(SpecError);
    expect((error as SpecError).parameter).toBe('spec.activations[0]');
    expect((error as Error).message).toMatch(/tfjs-cpu.*activation 'softsign'.*registerTfjsActivation/);
    const lossError = await refusal(net('tanh', 'mae').spec, params);
    expect(lossError).toBeInstanceOf(SpecError);
    expect((lossError as SpecError).parameter).toBe('spec.loss');
    expect((lossError as Error).message).toMatch(/loss 'mae'.*registerTfjsLoss/);
    expect(tf.memory().numTensors).toBe(before);
    await started.dispose();
  });

  it.each(['cpu', 'wasm'] as const)(
    'computes with the kernels once registered (tfjs-%s)',
    async (tfBackend) => {
      registerTfjsActivation(softsign);
      registerTfjsLoss(mae);
      const { spec, params } = net('softsign', 'mae');
      const backend = createTfjsBackend({ tfBackend });
      const session = await backend.createSession(spec, params);
      const { loss, trace } = await session.step(batch, { learningRate: 0.5, trace: true });
      const hidden = trace?.layers[0];
      const z = Array.from(hidden?.z.data ?? []);
      const dA = Array.from(hidden?.dA.data ?? []);
      // z = x W1 + b1 per sample: x = 1 gives (0.75, -1.375), x = -2 gives (-0.75, 3.125).
      expect(z).toEqual([0.75, -1.375, -0.75, 3.125]);
      z.forEach((zi, i) => {
        expect(hidden?.a.data[i]).toBeCloseTo(zi / (1 + Math.abs(zi)), 6);
        expect(hidden?.dZ.data[i]).toBeCloseTo((dA[i] as number) / (1 + Math.abs(zi)) ** 2, 6);
      });
      const out = trace?.layers[1];
      const a2 = Array.from(out?.a.data ?? []);
      expect(loss).toBeCloseTo((Math.abs((a2[0] as number) - 1) + (a2[1] as number)) / 2, 6);
      // mae after a sigmoid is no canonical pair: dA = sign(a - y), then the sigmoid's a (1 - a).
      expect(trace?.fusedOutput).toBe(false);
      expect(Array.from(out?.dA.data ?? [])).toEqual([-1, 1]);
      await backend.dispose();
    },
  );

  it('takes the same kernel twice, refuses a different one under a taken name', () => {
    registerTfjsActivation(softsign);
    expect(() => registerTfjsActivation({ ...softsign })).toThrow(SpecError);
    expect(() => registerTfjsActivation({ ...softsign, name: 'tanh' })).toThrow(/already has a kernel/);
    expect(() => registerTfjsLoss({ ...mae, name: 'bce' })).toThrow(SpecError);
  });

  it('refuses a loss kernel without the fused dZ of its canonical pair', async () => {
    registerLoss({
      name: 'half-mse',
      formula: 'l = (a - y)^2 / 2',
      gradA: 'dl/dA = A - Y',
      canonical: { activation: 'identity', dZ: 'dZ = A - Y' },
      chanceCost: (outputs) => outputs / 8,
    });
    registerTfjsLoss({
      name: 'half-mse',
      terms: ({ tf }, _z, a, y) => tf.div(tf.squaredDifference(a, y), 2),
      gradA: ({ tf }, a, y) => tf.sub(a, y),
    });
    const error = await refusal(net('tanh', 'half-mse').spec, net('tanh', 'half-mse').params);
    expect(error).toBeInstanceOf(SpecError);
    expect((error as Error).message).toMatch(/lacks the fused dZ/);
  });
});
