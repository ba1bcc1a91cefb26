import { initParams, type NetworkSpec, seededRandom } from '@onegrad/core';
import type { Tensor } from '@tensorflow/tfjs';
import { bench, describe } from 'vitest';
import { createTfjsBackend, type TfjsBackendName } from '../src/index.js';
import { kernelsOf } from '../src/kernels.js';
import { loadTfBackend, type Tf } from '../src/load-tfjs.js';
import { type LayerTensors, stepTensors } from '../src/step.js';
import { toTensor } from '../src/tensors.js';
import { autodiffStepTensors } from './autodiff-step.js';

// Run: npx vitest bench --run (from packages/backend-tfjs). Times one full step: forward, backward,
// update, the one-scalar read of the loss and the commit (the update replaces the parameters).
const nets: [string, readonly number[], number][] = [
  ['seed [2,2,1] m=2', [2, 2, 1], 2],
  ['[16,32,1] m=64', [16, 32, 1], 64],
  ['[64,128,64,1] m=256', [64, 128, 64, 1], 256],
];

/** Bench options: switch tfjs to the bench's backend, warm the JIT up, then time for 1.5 s. */
function opts(tf: Tf, tfBackend: TfjsBackendName) {
  return { setup: () => void tf.setBackend(tfBackend), warmupIterations: 100, warmupTime: 300, time: 1500 };
}

function batchOf(tf: Tf, sizes: readonly number[], m: number): { x: Tensor; y: Tensor } {
  const rand = seededRandom(7);
  const n0 = sizes[0] as number;
  const nL = sizes[sizes.length - 1] as number;
  const x = tf.tensor2d(
    Float32Array.from({ length: m * n0 }, () => 2 * rand() - 1),
    [m, n0],
  );
  const y = tf.tensor2d(
    Float32Array.from({ length: m * nL }, () => (rand() < 0.5 ? 0 : 1)),
    [m, nL],
  );
  return { x, y };
}

for (const tfBackend of ['cpu', 'wasm'] as TfjsBackendName[]) {
  const tf = await loadTfBackend(tfBackend);
  await tf.setBackend(tfBackend);
  for (const [label, sizes, m] of nets) {
    const spec: NetworkSpec = { sizes, loss: 'bce', dtype: 'float32' };
    let params: LayerTensors[] = initParams(spec, 3).map((p) => ({
      W: toTensor(tf, p.W),
      b: toTensor(tf, p.b),
    }));
    const { x, y } = batchOf(tf, sizes, m);
    const kernels = kernelsOf(spec, tfBackend);
    // Autodiff differentiates the cost: over tf.log1p (cpu's form), since tfjs has no gradient for the
    // tf.equal in the Kahan log1p that the wasm cost uses.
    const differentiable = { tf, tfBackend: 'cpu' } as const;
    const run = (fn: typeof stepTensors, trace: boolean) => () => {
      const on = fn === stepTensors ? { tf, tfBackend } : differentiable;
      const { updated, ...read } = tf.tidy(() => fn(on, kernels, params, x, y, 0.01, trace));
      read.probe.dataSync();
      if (trace) for (const t of read.layers ?? []) for (const v of Object.values(t)) v.dataSync();
      // The commit, as the engine does it: the update replaces the parameters.
      tf.dispose([read, params]);
      params = updated;
    };
    describe(`tfjs-${tfBackend} ${label}`, () => {
      bench('explicit backward', run(stepTensors, false), opts(tf, tfBackend));
      bench('autodiff (tf.valueAndGrads)', run(autodiffStepTensors, false), opts(tf, tfBackend));
      bench('explicit, traced (all read back)', run(stepTensors, true), opts(tf, tfBackend));
    });
  }
}

describe('session.step on the seed net, switching tfjs backends', async () => {
  const { spec, params, batch } = (await import('../src/seed-net.test.util.js')).seedNet('bce');
  const cpu = await createTfjsBackend({ tfBackend: 'cpu' }).createSession(spec, params);
  const wasm = await createTfjsBackend({ tfBackend: 'wasm' }).createSession(spec, params);
  bench('cpu only', async () => {
    await cpu.step(batch, { learningRate: 0.01 });
  });
  bench('cpu and wasm alternating (one step on each)', async () => {
    await cpu.step(batch, { learningRate: 0.01 });
    await wasm.step(batch, { learningRate: 0.01 });
  });
  bench('wasm only', async () => {
    await wasm.step(batch, { learningRate: 0.01 });
  });
});
