// How many tfjs kernels one step of the seed network (W1) dispatches, and what one tiny kernel costs, on
// tfjs-cpu: a run of many steps per call saves the call's overhead, not the per-kernel dispatch.
//   node bench/scripts/tfjs-kernel-count.mjs [cpu|wasm]   (after `pnpm build`)
import { createTfjsBackend } from '@onegrad/backend-tfjs';
import { initParams, matrix } from '@onegrad/core';
import * as tf from '@tensorflow/tfjs';

const tfBackend = process.argv[2] ?? 'cpu';
const spec = { sizes: [2, 2, 1], loss: 'bce', dtype: 'float32' };
const backend = createTfjsBackend({ tfBackend });
const session = await backend.createSession(spec, initParams(spec, 6));
const batch = { x: matrix(2, 2, [1, 1, 0, 0]), y: matrix(2, 1, [1, 0]) };
const options = { learningRate: 0.1 };
await session.train(batch, { ...options, steps: 200 });
const info = await tf.profile(() => session.train(batch, { ...options, steps: 10 }));
const perStep = info.kernels.length / 10;
const byName = new Map();
for (const k of info.kernels) byName.set(k.name, (byName.get(k.name) ?? 0) + 1);
console.log(`${perStep} kernels per step: ${[...byName].map(([n, c]) => `${n} ${c / 10}`).join(', ')}`);
const time = async (steps, call) => {
  const start = performance.now();
  for (let i = 0; i < steps; i++) await call();
  return ((performance.now() - start) / steps) * 1000;
};
const single = await time(2000, () => session.step(batch, options));
const run = (await time(2, () => session.train(batch, { ...options, steps: 1000 }))) / 1000;
await backend.dispose();
const a = tf.tensor2d([1, 2, 3, 4], [2, 2]);
const add = await time(20_000, () => tf.dispose(tf.add(a, a)));
console.log(
  `step ${single.toFixed(1)} us; train, per step ${run.toFixed(1)} us; one 2x2 add ${add.toFixed(2)} us ` +
    `(${perStep} of them: ${(perStep * add).toFixed(1)} us)`,
);
