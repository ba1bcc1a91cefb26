// Where an awaited onegrad-ts float32 W1 step goes, each part timed alone in one process (best of 15
// rounds), beside the plain loop and one step of a 1000-step `train` call (the step's arithmetic):
//   node bench/scripts/ts-step-parts.mjs   (after `pnpm build`)
import { createTsBackend } from '@onegrad/backend-ts';
import {
  initParams,
  matrix,
  serialQueue,
  snapshotBatch,
  snapshotStepOptions,
  validateSpec,
} from '@onegrad/core';
import { PlainMlp } from '../dist/runners/plain-mlp.js';

const spec = validateSpec({ sizes: [2, 2, 1], loss: 'bce', dtype: 'float32' });
const x = matrix(2, 2, [1, 1, 0, 0], 'float32');
const y = matrix(2, 1, [1, 0], 'float32');
const batch = { x, y };
const params = initParams(spec, 6);
const session = await createTsBackend().createSession(spec, params);
const plain = new PlainMlp(
  [2, 2, 1],
  params.map((p) => p.W.data),
  params.map((p) => p.b.data),
);
const queue = serialQueue();
const N = 100_000;

/** Best time per step in µs over 15 rounds of N steps. */
async function best(run) {
  let min = Number.POSITIVE_INFINITY;
  for (let r = 0; r < 15; r++) {
    const t0 = performance.now();
    await run();
    min = Math.min(min, ((performance.now() - t0) * 1000) / N);
  }
  return min;
}

const parts = {
  'session.step, awaited': () =>
    (async () => {
      for (let i = 0; i < N; i++) await session.step(batch, { learningRate: 0.1 });
    })(),
  'session.train, per step (1000 a call)': () =>
    (async () => {
      for (let i = 0; i < N / 1000; i++) await session.train(batch, { learningRate: 0.1, steps: 1000 });
    })(),
  'plain loop step': () => {
    for (let i = 0; i < N; i++) plain.step(x.data, y.data, 2, 0.1);
  },
  'snapshotBatch (two copies, shapes, finiteness, targets)': () => {
    for (let i = 0; i < N; i++) snapshotBatch(spec, batch);
  },
  snapshotStepOptions: () => {
    for (let i = 0; i < N; i++) snapshotStepOptions({ learningRate: 0.1 }, 'options', 'float32');
  },
  'serial queue task, awaited': () =>
    (async () => {
      for (let i = 0; i < N; i++) await queue(() => 1);
    })(),
};
const cpu = (await import('node:os')).cpus()[0]?.model ?? 'unknown CPU';
console.log(
  `onegrad-ts float32 W1 (2-2-1, batch 2), ${cpu}, Node ${process.version}; µs per call, best of 15`,
);
for (const [name, run] of Object.entries(parts)) {
  const us = await best(run);
  console.log(`${us.toFixed(3).padStart(8)}  ${name}`);
}
