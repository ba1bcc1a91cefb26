// Per-step overhead on the seed network (2-2-1, batch 2): the backend's step against a bare
// `session.run` of the same compiled graph, which is the runtime's own floor.
// Variants run interleaved in rounds; each row is the best round's mean, which filters out
// interference from other processes on a shared machine.
// Usage: node scripts/bench-step.mjs [steps per round] [rounds]   (after `pnpm build`)
import { cpus } from 'node:os';
import { fromRows, initParams } from '@onegrad/core';
import * as ort from 'onnxruntime-node';
import { createOnnxBackend, trainingGraph } from '../dist/index.js';

const steps = Number(process.argv[2] ?? 1000);
const rounds = Number(process.argv[3] ?? 7);
const batch = {
  x: fromRows([
    [1, 1],
    [0, 0],
  ]),
  y: fromRows([[1], [0]]),
};

/** Mean microseconds per call over `steps` awaited calls. */
async function time(fn) {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < steps; i++) await fn();
  return Number(process.hrtime.bigint() - t0) / 1e3 / steps;
}

/** Best round mean of each variant, the variants interleaved within every round. */
async function bench(variants) {
  const best = variants.map(() => Infinity);
  for (const [, fn] of variants) for (let i = 0; i < 200; i++) await fn();
  for (let r = 0; r < rounds; r++) {
    for (const [i, [, fn]] of variants.entries()) best[i] = Math.min(best[i], await time(fn));
  }
  return variants.map(([label], i) => ({ label, us: best[i] }));
}

async function bareRun(spec) {
  const session = await ort.InferenceSession.create(trainingGraph(spec), {
    executionProviders: ['cpu'],
    intraOpNumThreads: 1,
    interOpNumThreads: 1,
  });
  const Array_ = spec.dtype === 'float32' ? Float32Array : Float64Array;
  const params = initParams(spec, 1);
  let feeds = {
    X: new ort.Tensor(spec.dtype, Array_.from(batch.x.data), [2, 2]),
    Y: new ort.Tensor(spec.dtype, Array_.from(batch.y.data), [2, 1]),
    lr: new ort.Tensor(spec.dtype, Array_.of(0.1), []),
  };
  params.forEach((p, i) => {
    feeds[`W${i + 1}`] = new ort.Tensor(spec.dtype, p.W.data, [p.W.rows, p.W.cols]);
    feeds[`b${i + 1}`] = new ort.Tensor(spec.dtype, p.b.data, [p.b.rows, p.b.cols]);
  });
  return async () => {
    const out = await session.run(feeds);
    feeds = { ...feeds, W1: out.W1_next, b1: out.b1_next, W2: out.W2_next, b2: out.b2_next };
  };
}

const backend = createOnnxBackend();
await backend.init();
const machine = `${cpus()[0]?.model} x${cpus().length}`;
console.log(
  `${backend.info.engine}; node ${process.version}; ${machine}; best of ${rounds} rounds x ${steps} steps`,
);
for (const dtype of ['float32', 'float64']) {
  const spec = { sizes: [2, 2, 1], loss: 'bce', dtype };
  const s = await backend.createSession(spec, initParams(spec, 1));
  const rows = await bench([
    ['bare session.run (floor)', await bareRun(spec)],
    ['step', () => s.step(batch, { learningRate: 0.1 })],
    ['step + trace', () => s.step(batch, { learningRate: 0.1, trace: true })],
    ['forward', () => s.forward(batch.x)],
    ['getParams', () => s.getParams()],
  ]);
  const floor = rows[0].us;
  for (const r of rows) {
    const extra = r.label.startsWith('step') ? ` (+${(r.us - floor).toFixed(1)} us over the floor)` : '';
    console.log(`${dtype}  ${r.label.padEnd(26)} ${r.us.toFixed(1).padStart(7)} us${extra}`);
  }
}
await backend.dispose();
