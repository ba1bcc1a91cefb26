// The seed network (W1) on tfjs: kernels per step of `step` and of a `train` run, the time per step of
// each, and what the kernels alone cost (one tiny 2x2 kernel's dispatch times their count): the floor a
// run of tfjs kernels cannot go below. With a second build of @onegrad/backend-tfjs (its dist/index.js,
// e.g. of an earlier commit), both are timed in alternating rounds in this one process.
//   node bench/scripts/tfjs-run-floor.mjs [cpu|wasm] [rounds] [other/dist/index.js]   (after `pnpm build`)
import { createTfjsBackend } from '@onegrad/backend-tfjs';
import { initParams, matrix } from '@onegrad/core';
import * as tf from '@tensorflow/tfjs';

const tfBackend = process.argv[2] ?? 'cpu';
const rounds = Number(process.argv[3] ?? 15);
const otherPath = process.argv[4];
const spec = { sizes: [2, 2, 1], loss: 'bce', dtype: 'float32' };
const batch = { x: matrix(2, 2, [1, 1, 0, 0]), y: matrix(2, 1, [1, 0]) };
const options = { learningRate: 0.1 };
const STEPS = 1000;

async function open(create) {
  const backend = create({ tfBackend });
  const session = await backend.createSession(spec, initParams(spec, 6));
  await session.train(batch, { ...options, steps: 200 });
  for (let i = 0; i < 200; i++) await session.step(batch, options);
  return { backend, session };
}

async function kernelsPerStep(session) {
  // Each count is read before the next profile: tfjs may reuse the list of the previous one.
  const step = (await tf.profile(() => session.step(batch, options))).kernels.length;
  const run = (await tf.profile(() => session.train(batch, { ...options, steps: STEPS }))).kernels;
  const byName = new Map();
  for (const k of run) byName.set(k.name, (byName.get(k.name) ?? 0) + 1);
  const names = [...byName].map(([n, c]) => `${n} ${(c / STEPS).toFixed(2)}`).join(', ');
  return { step, train: run.length / STEPS, names };
}

/** Microseconds per step: `calls` step calls, or one train call of STEPS steps. */
async function timeStep(session, calls) {
  const start = performance.now();
  for (let i = 0; i < calls; i++) await session.step(batch, options);
  return ((performance.now() - start) / calls) * 1000;
}
async function timeTrain(session) {
  const start = performance.now();
  await session.train(batch, { ...options, steps: STEPS });
  return ((performance.now() - start) / STEPS) * 1000;
}

const builds = [{ name: 'this build', ...(await open(createTfjsBackend)) }];
if (otherPath) {
  const other = await import(new URL(otherPath, `file://${process.cwd()}/`).href);
  builds.push({ name: otherPath, ...(await open(other.createTfjsBackend)) });
}
const a = tf.tensor2d([1, 2, 3, 4], [2, 2]);
const samples = builds.map(() => ({ step: [], train: [] }));
const dispatch = [];
for (let r = 0; r < rounds; r++) {
  for (const [i, b] of builds.entries()) {
    samples[i].step.push(await timeStep(b.session, 500));
    samples[i].train.push(await timeTrain(b.session));
  }
  const start = performance.now();
  for (let i = 0; i < 5000; i++) tf.dispose(tf.add(a, a));
  dispatch.push(((performance.now() - start) / 5000) * 1000);
}
const median = (xs) => {
  const s = [...xs].sort((p, q) => p - q);
  return s[Math.floor(s.length / 2)];
};
const min = (xs) => Math.min(...xs);
const f = (x) => x.toFixed(1);
const add = { median: median(dispatch), min: min(dispatch) };
console.log(
  `tfjs-${tfBackend}, W1 [2,2,1] bce batch 2, ${rounds} alternating rounds (median / min, us per step)`,
);
console.log(`one 2x2 Add kernel: ${add.median.toFixed(2)} / ${add.min.toFixed(2)} us`);
for (const [i, b] of builds.entries()) {
  const k = await kernelsPerStep(b.session);
  const s = samples[i];
  const ratio = median(s.step) / median(s.train);
  console.log(
    `${b.name}: ${k.step} kernels per step call, ${k.train.toFixed(2)} per train step (${k.names})`,
  );
  console.log(
    `  step ${f(median(s.step))} / ${f(min(s.step))}; train k=${STEPS} ${f(median(s.train))} / ${f(min(s.train))}` +
      ` (${ratio.toFixed(2)}x); kernel floor ${f(k.train * add.median)} / ${f(k.train * add.min)}`,
  );
}
a.dispose();
for (const b of builds) await b.backend.dispose();
