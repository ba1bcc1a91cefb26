// W5 (784-256-10, relu then softmax, cce, batch 128) on tfjs-cpu: one onegrad `step` against one tfjs
// Layers `trainOnBatch` (the bench's own peer, bench/src/runners/tfjs-layers.ts), in alternating rounds in
// this one process, then the time per kernel name of one step of each (tf.profile).
//   node bench/scripts/tfjs-w5-layers.mjs [rounds] [other/dist/index.js]   (after `pnpm build`)
import { createTfjsBackend } from '@onegrad/backend-tfjs';
import { initParams } from '@onegrad/core';
import * as tf from '@tensorflow/tfjs';
import { tfjsLayersRunner } from '../dist/runners/tfjs-layers.js';
import { DATA_SEED, workloadById, workloadData, workloadSpec } from '../dist/workloads.js';

const rounds = Number(process.argv[2] ?? 15);
const otherPath = process.argv[3];
const w = workloadById('W5');
const spec = workloadSpec(w, 'float32');
const batch = workloadData(w, 'float32');
const options = { learningRate: w.learningRate };

async function onegrad(create) {
  const backend = create({ tfBackend: 'cpu' });
  const session = await backend.createSession(spec, initParams(spec, DATA_SEED));
  return { step: () => session.step(batch, options), dispose: () => backend.dispose() };
}
const contenders = [{ name: 'onegrad step', ...(await onegrad(createTfjsBackend)) }];
if (otherPath) {
  const other = await import(new URL(otherPath, `file://${process.cwd()}/`).href);
  contenders.push({ name: `onegrad step (${otherPath})`, ...(await onegrad(other.createTfjsBackend)) });
}
const layers = await tfjsLayersRunner({ impl: 'tfjs-layers', engine: 'tfjs-cpu', dtype: 'float32' }, w);
contenders.push({ name: 'Layers trainOnBatch', step: () => layers.step(), dispose: () => layers.dispose() });

const CALLS = 5;
for (const c of contenders) for (let i = 0; i < 5; i++) await c.step();
const samples = contenders.map(() => []);
for (let r = 0; r < rounds; r++) {
  for (const [i, c] of contenders.entries()) {
    const start = performance.now();
    for (let k = 0; k < CALLS; k++) await c.step();
    samples[i].push((performance.now() - start) / CALLS);
  }
}
const median = (xs) => [...xs].sort((p, q) => p - q)[Math.floor(xs.length / 2)];
const base = median(samples[samples.length - 1]);
console.log(`W5 on tfjs-cpu, ${rounds} alternating rounds of ${CALLS} steps (median / min, ms per step)`);
for (const [i, c] of contenders.entries()) {
  const s = samples[i];
  console.log(
    `  ${c.name}: ${median(s).toFixed(2)} / ${Math.min(...s).toFixed(2)} (${(median(s) / base).toFixed(2)}x Layers)`,
  );
}
for (const c of contenders) {
  const info = await tf.profile(() => c.step());
  const byName = new Map();
  for (const k of info.kernels) {
    const ms = await k.kernelTimeMs;
    const [n = 0, t = 0] = byName.get(k.name) ?? [];
    byName.set(k.name, [n + 1, t + (typeof ms === 'number' ? ms : 0)]);
  }
  const rows = [...byName].sort((p, q) => q[1][1] - p[1][1]);
  const total = rows.reduce((sum, [, [, t]]) => sum + t, 0);
  console.log(`${c.name}: ${info.kernels.length} kernels, ${total.toFixed(2)} ms in kernels`);
  console.log(`  ${rows.map(([name, [n, t]]) => `${name} ${n}x ${t.toFixed(2)}`).join(', ')}`);
}
for (const c of contenders) await c.dispose();
