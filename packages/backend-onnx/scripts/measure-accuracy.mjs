// Accuracy of the ONNX Runtime CPU kernels the graphs could use, and of the compositions the graphs do
// use, against references far more precise than the result: float64 Math.* for float32 results,
// 50-digit decimal.js for float64 results. Each cell is the worst error in ulps of the exact value over
// a seeded sweep, with the argument where it occurs (for rows: the spread max z - min z). A correctly
// rounded kernel scores <= 0.5, a faithful one < 1.
//
// Elementwise ops run on tiny (1e-8..1e-3), moderate (1e-3..10) and saturated (10..50, with 20 and 50
// exactly) arguments of both signs; Log on 1 + tiny, moderate and large ones. Row ops run on rows of 5
// logits at most 1000 in magnitude, spread tiny (2^-22..1e-3), moderate (within [-10, 10]) or wide
// (20, 50, 100, 200); the logits lie on a grid fine enough for the spread and coarse enough that every
// difference z_i - z_j is exact in float32, so a row's error is the kernel's alone. Each row's maximum
// is >= 0 so that logsumexp does not cancel; cross-entropy rows have a one-hot target, half of the wide
// ones at the row's maximum (a confident, nearly free prediction).
//
// Usage: node scripts/measure-accuracy.mjs [samples per range, default 2000]   (after `pnpm build`)
import { createRequire } from 'node:module';
import { seededRandom } from '@onegrad/core';
import * as ort from 'onnxruntime-node';
import { sigmoid } from '../dist/graph/activations/sigmoid.js';
import { emitRowMax, emitRowSum, softmax } from '../dist/graph/activations/softmax.js';
import { tanh } from '../dist/graph/activations/tanh.js';
import { BATCH } from '../dist/graph/elem-type.js';
import { GraphBuilder } from '../dist/graph/graph-builder.js';
import { cce } from '../dist/graph/losses/cce.js';
import { encodeModel, toModel } from '../dist/graph/model.js';

// decimal.js is the conformance suite's reference arithmetic; resolve it as the suite does.
const { Decimal } = createRequire(import.meta.resolve('@onegrad/conformance/package.json'))('decimal.js');
const Dec = Decimal.clone({ precision: 50, rounding: Decimal.ROUND_HALF_EVEN });
const samples = Number(process.argv[2] ?? 2000);
const DTYPES = ['float32', 'float64'];
const FORMAT = {
  float32: { digits: 24, minExponent: -126, round: Math.fround, Array: Float32Array },
  float64: { digits: 53, minExponent: -1022, round: (v) => v, Array: Float64Array },
};
const ROW = 5;

/** The exact value of a double (toPrecision expands the binary value; String(x) would not). */
const exact = (x) => new Dec(x.toPrecision(60));

/** ln(1 + t) for t >= 0 without losing a tiny t to 1 + t (a series below 1e-4). */
function log1p(t) {
  if (t.gte(1e-4)) return Dec.ln(t.plus(1));
  let sum = new Dec(0);
  let power = t;
  for (let k = 1; k < 40; k++, power = power.times(t).neg()) sum = sum.plus(power.div(k));
  return sum;
}

/** The spacing of `dtype` at |r| (the subnormal spacing below the normal range). */
function ulp(r, dtype) {
  const { digits, minExponent } = FORMAT[dtype];
  const a = Math.abs(r);
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e--;
  if (2 ** (e + 1) <= a) e++;
  return 2 ** (Math.max(e, minExponent) - digits + 1);
}

/** |got - ref| in ulps of ref: `ref` a double for float32 results, a Decimal for float64 results. */
function ulpError(got, ref, dtype) {
  if (!Number.isFinite(got)) return Infinity;
  if (dtype === 'float32') return Math.abs(got - ref) / ulp(ref, dtype);
  return exact(got).minus(ref).abs().div(ulp(ref.toNumber(), dtype)).toNumber();
}

/** `count` log-uniform magnitudes in [lo, hi], signs taken in turn from `signs`, rounded to the dtype. */
function sweep(lo, hi, count, seed, dtype, signs = [1, -1]) {
  const rand = seededRandom(seed);
  return Array.from({ length: count }, (_, i) =>
    FORMAT[dtype].round(lo * (hi / lo) ** rand() * (signs[i % signs.length] ?? 1)),
  );
}

const SIGNED = [
  ['tiny', (dtype) => sweep(1e-8, 1e-3, samples, 1, dtype)],
  ['moderate', (dtype) => sweep(1e-3, 10, samples, 2, dtype)],
  ['saturated', (dtype) => [20, -20, 50, -50, ...sweep(10, 50, samples, 3, dtype)]],
];
const POSITIVE = [
  ['1 + tiny', (dtype) => sweep(1e-7, 1e-3, samples, 4, dtype, [1]).map((t) => FORMAT[dtype].round(1 + t))],
  ['moderate', (dtype) => sweep(1e-3, 10, samples, 5, dtype, [1])],
  ['large', (dtype) => sweep(10, 1e20, samples, 6, dtype, [1])],
];

/** Rows of ROW logits on a grid (see the header); `kind` tiny, moderate or wide. */
function logitRows(kind, seed) {
  const rand = seededRandom(seed);
  const onGrid = (v, step) => Math.round(v / step) * step;
  return Array.from({ length: samples }, (_, r) => {
    if (kind === 'tiny') {
      const c = 2 * rand();
      return Array.from({ length: ROW }, () => onGrid(c + 1e-3 * (2 * rand() - 1) ** 7, 2 ** -22));
    }
    if (kind === 'moderate') {
      const row = Array.from({ length: ROW }, () => onGrid(20 * rand() - 10, 2 ** -12));
      row[0] = Math.abs(row[0] ?? 0);
      return row;
    }
    const spread = [20, 50, 100, 200][r % 4];
    const low = onGrid(1000 * rand() - spread, 2 ** -12);
    const row = Array.from({ length: ROW }, () => onGrid(low + spread * rand(), 2 ** -12));
    row[0] = low;
    row[1] = low + spread;
    return row;
  });
}

/** One-hot targets for `rows`: at a random unit, or for half of the wide rows at the maximum. */
function targetRows(rows, kind, seed) {
  const rand = seededRandom(seed);
  return rows.map((row, r) => {
    const hot = kind === 'wide' && r % 2 === 0 ? row.indexOf(Math.max(...row)) : Math.floor(rand() * ROW);
    return row.map((_, j) => (j === hot ? 1 : 0));
  });
}

/** Runs `emit(g, 'X', 'T')` on rows of X (and T); returns the output's elements. */
async function run(dtype, x, t, cols, outCols, emit) {
  const g = new GraphBuilder(dtype);
  g.input('X', [BATCH, cols]);
  if (t) g.input('T', [BATCH, cols]);
  emit(g, 'X', 'T', 'Y');
  g.output('Y', [BATCH, outCols]);
  const model = encodeModel(toModel(g, 'probe', 'accuracy probe'));
  const session = await ort.InferenceSession.create(model, {
    executionProviders: ['cpu'],
    intraOpNumThreads: 1,
    interOpNumThreads: 1,
    logSeverityLevel: 3,
  });
  const tensor = (rows) => new ort.Tensor(dtype, FORMAT[dtype].Array.from(rows.flat()), [rows.length, cols]);
  const out = await session.run(t ? { X: tensor(x), T: tensor(t) } : { X: tensor(x) });
  await session.release();
  return Array.from(out.Y.data);
}

/** Worst error over `refs` (one array per row) against `got`, with `at(row)` naming where. */
function worstOf(got, refs, dtype, at) {
  let worst = { err: 0, at: Number.NaN };
  let k = 0;
  refs.forEach((ref, r) => {
    for (const v of ref) {
      const err = ulpError(got[k++], v, dtype);
      if (!(err <= worst.err)) worst = { err, at: at(r) };
    }
  });
  return worst;
}

const op = (name, attrs) => (g, x, _t, out) => g.op(name, [x], out, attrs);
const activation = (emitter) => (g, x, _t, out) => emitter.forward(g, x, out);
const sigmoidOf = (x) => 1 / (1 + Math.exp(-x));
// The textbook sign(z) (1 - E) / (1 + E), E = exp(-2|z|), for comparison: it cancels near z = 0.
function textbookTanh(g, z, _t, out) {
  const e = g.op('Exp', [g.op('Mul', [g.op('Abs', [z]), g.scalar(-2, 'minus_two')])]);
  const one = g.scalar(1, 'one');
  const magnitude = g.op('Div', [g.op('Sub', [one, e]), g.op('Add', [one, e])]);
  const negative = g.op('Less', [z, g.scalar(0, 'zero')]);
  return g.op('Where', [negative, g.op('Neg', [magnitude]), magnitude], out);
}
const ELEMENTWISE = [
  ['Tanh', op('Tanh'), Math.tanh, (x) => Dec.tanh(x), SIGNED],
  ['tanh, (1 - E) / (1 + E)', textbookTanh, Math.tanh, (x) => Dec.tanh(x), SIGNED],
  ['tanh (composed)', activation(tanh), Math.tanh, (x) => Dec.tanh(x), SIGNED],
  ['Sigmoid', op('Sigmoid'), sigmoidOf, (x) => Dec.div(1, Dec.exp(x.neg()).plus(1)), SIGNED],
  ['sigmoid (composed)', activation(sigmoid), sigmoidOf, (x) => Dec.div(1, Dec.exp(x.neg()).plus(1)), SIGNED],
  ['Exp', op('Exp'), Math.exp, (x) => Dec.exp(x), SIGNED],
  ['Log', op('Log'), Math.log, (x) => Dec.ln(x), POSITIVE],
];

/** Reference softmax, logsumexp and cross-entropy of one row (doubles, or Decimals for float64). */
const ROW_REFS = {
  softmax: {
    float32: (z) => z.map((v) => 1 / z.reduce((s, w) => s + Math.exp(w - v), 0)),
    float64: (z) => z.map((v) => Dec.div(1, Dec.sum(...z.map((w) => Dec.exp(exact(w - v)))))),
  },
  logsumexp: {
    float32: (z) => {
      const m = Math.max(...z);
      return [m + Math.log(z.reduce((s, w) => s + Math.exp(w - m), 0))];
    },
    float64: (z) => {
      const m = Math.max(...z);
      return [exact(m).plus(Dec.ln(Dec.sum(...z.map((w) => Dec.exp(exact(w - m))))))];
    },
  },
  // logsumexp(z) - z_k = ln(1 + sum_{j != k} exp(z_j - z_k)) for the hot unit k.
  cce: {
    float32: (z, y) => {
      const k = y.indexOf(1);
      return [Math.log1p(z.reduce((s, w, j) => (j === k ? s : s + Math.exp(w - (z[k] ?? 0))), 0))];
    },
    float64: (z, y) => {
      const k = y.indexOf(1);
      return [log1p(Dec.sum(...z.filter((_, j) => j !== k).map((w) => Dec.exp(exact(w - z[k])))))];
    },
  },
};

// The textbook forms, for comparison: the runtime's reductions, or max + Log(S) - sum y z.
function textbookCce(g, z, y, out) {
  const max = emitRowMax(g, z);
  const lse = g.op('Add', [max, g.op('Log', [emitRowSum(g, g.op('Exp', [g.op('Sub', [z, max])]))])]);
  return g.op('Sub', [lse, emitRowSum(g, g.op('Mul', [y, z]))], out);
}
const runtimeCce = (g, z, y, out) =>
  g.op(
    'Sub',
    [op('ReduceLogSumExp', { axes: [1], keepdims: 1 })(g, z), emitRowSum(g, g.op('Mul', [y, z]))],
    out,
  );

const ROWWISE = [
  ['Softmax', 'softmax', ROW, op('Softmax', { axis: 1 })],
  ['softmax (composed)', 'softmax', ROW, activation(softmax)],
  ['ReduceLogSumExp', 'logsumexp', 1, op('ReduceLogSumExp', { axes: [1], keepdims: 1 })],
  ['cce, ReduceLogSumExp', 'cce', 1, runtimeCce],
  ['cce, max + Log(S) - yz', 'cce', 1, textbookCce],
  ['cce (composed)', 'cce', 1, (g, z, y, out) => g.op('Identity', [cce.costTerms(g, z, z, y)], out)],
];

const table = [];
for (const [label, emit, ref32, ref64, ranges] of ELEMENTWISE) {
  for (const [range, values] of ranges) {
    const cells = {};
    for (const dtype of DTYPES) {
      const x = values(dtype);
      const got = await run(dtype, [x], undefined, x.length, x.length, emit);
      const refs = x.map((v) => [dtype === 'float32' ? ref32(v) : ref64(exact(v))]);
      cells[dtype] = worstOf(got, refs, dtype, (r) => x[r]);
    }
    table.push({ label, range, ...cells });
  }
}
for (const [label, ref, outCols, emit] of ROWWISE) {
  for (const [seed, kind] of ['tiny', 'moderate', 'wide'].entries()) {
    const z = logitRows(kind, 10 + seed);
    const y = ref === 'cce' ? targetRows(z, kind, 20 + seed) : undefined;
    const cells = {};
    for (const dtype of DTYPES) {
      const got = await run(dtype, z, y, ROW, outCols, emit);
      const refs = z.map((row, r) => ROW_REFS[ref][dtype](row, y?.[r]));
      cells[dtype] = worstOf(got, refs, dtype, (r) => Math.max(...z[r]) - Math.min(...z[r]));
    }
    table.push({ label, range: `${kind} rows`, ...cells });
  }
}

const cell = ({ err, at }) =>
  `${err < 100 ? err.toFixed(2) : err.toExponential(1)} (${Number.isNaN(at) ? '-' : at.toPrecision(3)})`;
console.log(
  `worst error in ulps (at the argument), ${samples} samples per range, onnxruntime-node ${ort.env.versions.node}`,
);
console.log(`${'op'.padEnd(24)} ${'range'.padEnd(14)} ${'float32'.padEnd(22)} float64`);
for (const r of table) {
  console.log(`${r.label.padEnd(24)} ${r.range.padEnd(14)} ${cell(r.float32).padEnd(22)} ${cell(r.float64)}`);
}
