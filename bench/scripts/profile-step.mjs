// Profiles untraced onegrad-ts float32 steps of one workload and prints where the time goes (self time):
//   node bench/scripts/profile-step.mjs W2   (after `pnpm build`; W1..W5 as in bench/src/workloads.ts)
import { Session } from 'node:inspector/promises';
import { createTsBackend } from '@onegrad/backend-ts';
import { initParams, matrix, seededRandom } from '@onegrad/core';

const SIZES = {
  W1: [[2, 2, 1], 2],
  W2: [[64, 128, 1], 256],
  W3: [[784, 256, 10], 128],
  W4: [[32, 64, 64, 64, 64, 1], 64],
  W5: [[784, 256, 10], 128, 'cce', ['relu', 'softmax']],
};
const name = process.argv[2] ?? 'W2';
const [sizes, m, loss = 'bce', activations] = SIZES[name] ?? SIZES.W2;
const spec = activations ? { sizes, loss, dtype: 'float32', activations } : { sizes, loss, dtype: 'float32' };
const rand = seededRandom(3);
const nIn = sizes[0];
const nOut = sizes[sizes.length - 1];
const x = matrix(
  m,
  nIn,
  Array.from({ length: m * nIn }, () => rand() * 2 - 1),
  'float32',
);
const y = matrix(
  m,
  nOut,
  // cce needs one-hot rows; the others take 0/1 per output.
  loss === 'cce'
    ? Array.from({ length: m * nOut }, (_, e) => (e % nOut === Math.floor(e / nOut) % nOut ? 1 : 0))
    : Array.from({ length: m * nOut }, () => (rand() < 0.5 ? 0 : 1)),
  'float32',
);
const session = await createTsBackend().createSession(spec, initParams(spec, 6));
for (let i = 0; i < 50; i++) await session.step({ x, y }, { learningRate: 0.01 });

const inspector = new Session();
inspector.connect();
await inspector.post('Profiler.enable');
await inspector.post('Profiler.start');
const steps = Number(process.env.STEPS ?? 300);
const t0 = performance.now();
for (let i = 0; i < steps; i++) await session.step({ x, y }, { learningRate: 0.01 });
const ms = (performance.now() - t0) / steps;
const { profile } = await inspector.post('Profiler.stop');

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
profile.samples.forEach((id, i) => {
  const { functionName, url } = byId.get(id).callFrame;
  const key = `${functionName || '(anonymous)'} ${url.split('/').pop()}`;
  self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
const total = [...self.values()].reduce((a, b) => a + b, 0);
console.log(`${name} onegrad-ts float32: ${ms.toFixed(3)} ms per step under the profiler`);
for (const [key, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 8)) {
  console.log(`${((100 * t) / total).toFixed(1).padStart(5)}%  ${key}`);
}
