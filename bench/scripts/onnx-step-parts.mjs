// Where one untraced `session.step` of the seed network (W1) on onegrad-onnx goes, against onnxruntime-node
// running the engine's step graph alone, the exported training graph, the GEMM floor and a one-node graph,
// all interleaved in one process:
//   node bench/scripts/onnx-step-parts.mjs [float32|float64] [rounds]   (after `pnpm build`)
// Each round times every variant for CALLS calls in a rotating order; the medians and minima are over rounds.
// The JS parts (core's snapshot and queue, tensor creation, output reading) are timed alone in tight loops.
import { createOnnxBackend, trainingGraph } from '@onegrad/backend-onnx';
import {
  allocate,
  chanceCost,
  firstNonFinite,
  initParams,
  LossWatch,
  matrix,
  serialQueue,
  snapshotBatch,
  snapshotStepOptions,
} from '@onegrad/core';
import onnxProto from 'onnx-proto';
import * as ort from 'onnxruntime-node';
// The backend's own graph builders (not a public export): the graph an untraced small step runs.
import {
  buildPackedStepModel,
  encodeModel,
  PACKED_EXTRA,
  PACKED_NAMES,
  packedLayout,
} from '../../packages/backend-onnx/dist/graph/index.js';
import { gemmGraph } from '../dist/runners/gemm-graph.js';

process.env.ORT_DISABLE_TELEMETRY ??= '1';
const { onnx } = onnxProto;
const dtype = process.argv[2] ?? 'float32';
const ROUNDS = Number(process.argv[3] ?? 25);
const CALLS = 400;
const OPTIONS = {
  executionProviders: ['cpu'],
  intraOpNumThreads: 1,
  interOpNumThreads: 1,
  logSeverityLevel: 3,
};
const spec = { sizes: [2, 2, 1], loss: 'bce', dtype };
const batch = { x: matrix(2, 2, [1, 1, 0, 0], dtype), y: matrix(2, 1, [1, 0], dtype) };
const stepOptions = { learningRate: 0.1 };
const params = initParams(spec, 6);

// The whole call through the public API.
const backend = createOnnxBackend();
const session = await backend.createSession(spec, params);

// The graph the engine runs for an untraced step of this small network (one packed output), and the
// exported training graph (2L + 2 outputs), compiled with the backend's options.
const packedGraph = await ort.InferenceSession.create(encodeModel(buildPackedStepModel(spec)), OPTIONS);
const stepGraph = await ort.InferenceSession.create(trainingGraph(spec), OPTIONS);
const paramFeeds = {};
params.forEach((p, i) => {
  paramFeeds[`W${i + 1}`] = new ort.Tensor(dtype, p.W.data.slice(), [p.W.rows, p.W.cols]);
  paramFeeds[`b${i + 1}`] = new ort.Tensor(dtype, p.b.data.slice(), [1, p.b.cols]);
});
const tensor = (m) => new ort.Tensor(dtype, m.data, [m.rows, m.cols]);
const lrTensor = () => new ort.Tensor(dtype, allocate(dtype, 1).fill(0.1), []);
const fixedFeeds = { X: tensor(batch.x), Y: tensor(batch.y), lr: lrTensor(), ...paramFeeds };
const slots = packedLayout(spec.sizes);
const packedData = allocate(dtype, slots.at(-1).offset + slots.at(-1).dims[1] + PACKED_EXTRA);
for (const { name, offset } of slots) packedData.set(paramFeeds[name].data, offset);
packedData.set([0.1, batch.x.rows], packedData.length - PACKED_EXTRA);
const packedFeeds = {
  X: fixedFeeds.X,
  Y: fixedFeeds.Y,
  [PACKED_NAMES.params]: new ort.Tensor(dtype, packedData, [packedData.length]),
};

// The floor: only the step's five matrix products, as the bench's ort-gemm-floor row.
const floor = gemmGraph(spec.sizes, 2, dtype);
const floorSession = await ort.InferenceSession.create(floor.bytes, OPTIONS);
const floorFeeds = {};
for (const input of floor.inputs) {
  floorFeeds[input.name] = new ort.Tensor(dtype, allocate(dtype, input.dims[0] * input.dims[1]).fill(0.25), [
    ...input.dims,
  ]);
}

// A graph of one Identity on a scalar: what any `run` costs however little the graph does.
const type = dtype === 'float32' ? onnx.TensorProto.DataType.FLOAT : onnx.TensorProto.DataType.DOUBLE;
const scalar = (name) => ({ name, type: { tensorType: { elemType: type, shape: { dim: [] } } } });
const identityModel = onnx.ModelProto.create({
  irVersion: 8,
  opsetImport: [{ domain: '', version: 17 }],
  graph: {
    name: 'identity',
    node: [{ opType: 'Identity', input: ['a'], output: ['b'], name: 'b' }],
    input: [scalar('a')],
    output: [scalar('b')],
  },
});
const identity = await ort.InferenceSession.create(onnx.ModelProto.encode(identityModel).finish(), OPTIONS);
const identityFeeds = { a: lrTensor() };

const variants = {
  'session.step (whole call)': () => session.step(batch, stepOptions),
  'run, packed step graph, engine feeds': () =>
    packedGraph.run({
      X: tensor(batch.x),
      Y: tensor(batch.y),
      [PACKED_NAMES.params]: packedFeeds[PACKED_NAMES.params],
    }),
  'run, packed step graph, fixed feeds': () => packedGraph.run(packedFeeds),
  'run, training graph (2L+2 outputs), fixed feeds': () => stepGraph.run(fixedFeeds),
  'run, gemm floor': () => floorSession.run(floorFeeds),
  'run, one Identity': () => identity.run(identityFeeds),
};

async function timeAsync(fn) {
  const t0 = performance.now();
  for (let i = 0; i < CALLS; i++) await fn();
  return ((performance.now() - t0) * 1000) / CALLS;
}

function timeSync(fn, n = 20000) {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) fn();
  return ((performance.now() - t0) * 1000) / n;
}

// The JS parts of the call, each alone.
const queue = serialQueue();
const watch = new LossWatch(chanceCost(spec));
let sink;
const out = await stepGraph.run(fixedFeeds);
const packed = (await packedGraph.run(packedFeeds))[PACKED_NAMES.step].data;
const parts = {
  "core: snapshot batch + options (as core's step)": () => {
    sink = { ...snapshotBatch(spec, batch), ...snapshotStepOptions(stepOptions, 'options', dtype) };
  },
  'engine: X, Y, lr tensors': () => {
    sink = [tensor(batch.x), tensor(batch.y), lrTensor()];
  },
  'training graph feeds (X, Y, lr, then a loop over params)': () => {
    const feeds = { X: fixedFeeds.X, Y: fixedFeeds.Y, lr: fixedFeeds.lr };
    for (const name in paramFeeds) feeds[name] = paramFeeds[name];
    sink = feeds;
  },
  'before: feeds spread {...params, ...feeds}': () => {
    sink = { ...paramFeeds, ...{ X: fixedFeeds.X, Y: fixedFeeds.Y, lr: fixedFeeds.lr } };
  },
  'engine: packed output: loss, finite check': () => {
    sink = [packed[packed.length - PACKED_EXTRA], firstNonFinite(packed) === -1];
  },
  'training graph: read outputs (next params, loss, flag)': () => {
    const next = {};
    for (let l = 1; l <= 2; l++) {
      next[`W${l}`] = out[`W${l}_next`];
      next[`b${l}`] = out[`b${l}_next`];
    }
    sink = [Number(out.loss.data[0]), Number(out.all_finite.data[0]) === 1, next];
  },
  'core: finite check + loss watch': () => {
    sink = Number.isFinite(0.7) && watch.observe(0.7);
  },
};
const queueHop = () => queue(() => sink);

const rows = Object.fromEntries([...Object.keys(variants), 'core: queue hop (await)'].map((k) => [k, []]));
const partRows = Object.fromEntries(Object.keys(parts).map((k) => [k, []]));
// Warm-up.
for (const fn of Object.values(variants)) await timeAsync(fn);
const names = Object.keys(variants);
for (let r = 0; r < ROUNDS; r++) {
  for (let k = 0; k < names.length; k++) {
    const name = names[(k + r) % names.length];
    rows[name].push(await timeAsync(variants[name]));
  }
  rows['core: queue hop (await)'].push(await timeAsync(queueHop));
  for (const [name, fn] of Object.entries(parts)) partRows[name].push(timeSync(fn));
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const print = (all) => {
  for (const [name, xs] of Object.entries(all)) {
    console.log(
      `  ${name.padEnd(50)} median ${median(xs).toFixed(2).padStart(7)} us   min ${Math.min(...xs)
        .toFixed(2)
        .padStart(7)} us`,
    );
  }
};
console.log(
  `W1 onegrad-onnx ${dtype}, ${ROUNDS} rounds of ${CALLS} calls each, onnxruntime-node ${ort.env.versions.node}`,
);
print(rows);
console.log('JS parts alone:');
print(partRows);
void sink;
session.dispose();
await backend.dispose();
await Promise.all([packedGraph.release(), stepGraph.release(), floorSession.release(), identity.release()]);
