// Accuracy of the tfjs kernels the activations and losses could use, and of the compositions they do
// use, on tfjs-cpu and tfjs-wasm (float32), against float64 Math.* references (their own error, ~1e-16
// relative, is 1e-9 of a float32 ulp). Each cell is the worst error in ulps of the exact value over a
// seeded sweep, with the argument where it occurs (for rows: the spread max z - min z). A correctly
// rounded kernel scores <= 0.5, a faithful one < 1.
//
// Elementwise ops run on tiny (1e-8..1e-3), moderate (1e-3..10) and saturated (10..50, with 20 and 50
// exactly) arguments of both signs; Log on the range of a softmax row's sum (1 + tiny, 1..5), log1p on
// the range of bce's exp(-|z|) (tiny, 1e-3..1). Row ops run on rows of 5 logits at most 1000 in
// magnitude, spread tiny (2^-22..1e-3), moderate (within [-10, 10]) or wide (20, 50, 100, 200); the
// logits lie on a grid fine enough for the spread and coarse enough that every difference z_i - z_j is
// exact in float32, so a row's error is the kernel's alone. Each row's maximum is >= 0 so that
// logsumexp does not cancel; cross-entropy rows have a one-hot target, half of the wide ones at the
// row's maximum. The cross-entropy term l = logsumexp(z) - sum y z is bounded in absolute terms (conformance
// README, "The error model": u ((n + 1) + |lse| + n sum |y z| + |l| + ...)), so its error is given in
// ulps of max(1, |lse|, |sum y z|), the largest magnitude its formula handles; logsumexp's is given both
// in ulps of itself and in ulps of max(1, |lse|), the absolute scale its bound has.
//
// Usage: node scripts/measure-accuracy.mjs [samples per range, default 20000]   (after `pnpm build`)
import { seededRandom } from '@onegrad/core';
import { softmax } from '../dist/activations/softmax.js';
import { composedTanh } from '../dist/activations/tanh.js';
import { loadTfBackend } from '../dist/load-tfjs.js';
import { log1pOn } from '../dist/log1p.js';
import { cce } from '../dist/losses/cce.js';

const samples = Number(process.argv[2] ?? 20000);
const BACKENDS = ['cpu', 'wasm'];
const ROW = 5;
const f32 = Math.fround;

/** The float32 spacing at |r| (the subnormal spacing below the normal range). */
function ulp(r) {
  const a = Math.abs(r);
  if (a < 2 ** -126) return 2 ** -149;
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e--;
  if (2 ** (e + 1) <= a) e++;
  return 2 ** (e - 23);
}

/** |got - ref| in float32 ulps of `scale` (of ref itself by default); Infinity when got is not finite. */
const ulpError = (got, ref, scale = ref) =>
  Number.isFinite(got) ? Math.abs(got - ref) / ulp(scale) : Infinity;

/** `count` log-uniform magnitudes in [lo, hi], signs taken in turn from `signs`, rounded to float32. */
function sweep(lo, hi, count, seed, signs = [1, -1]) {
  const rand = seededRandom(seed);
  return Array.from({ length: count }, (_, i) =>
    f32(lo * (hi / lo) ** rand() * (signs[i % signs.length] ?? 1)),
  );
}

const SIGNED = [
  ['tiny', sweep(1e-8, 1e-3, samples, 1)],
  ['moderate', sweep(1e-3, 10, samples, 2)],
  ['saturated', [20, -20, 50, -50, ...sweep(10, 50, samples, 3)]],
];
const ROW_SUMS = [
  ['1 + tiny', sweep(1e-7, 1e-3, samples, 4, [1]).map((t) => f32(1 + t))],
  ['1..5', sweep(1, 5, samples, 5, [1])],
];
const DECAYS = [
  ['tiny', sweep(1e-8, 1e-3, samples, 6, [1])],
  ['moderate', sweep(1e-3, 1, samples, 7, [1])],
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

const logsumexpOf = (z) => {
  const m = Math.max(...z);
  return m + Math.log(z.reduce((s, w) => s + Math.exp(w - m), 0));
};
const sigmoidOf = (x) => 1 / (1 + Math.exp(-x));

/** Reference rows: the values, and the scale whose ulps measure the error (the value itself when absent). */
const ROW_REFS = {
  softmax: (z) => ({ values: z.map((v) => 1 / z.reduce((s, w) => s + Math.exp(w - v), 0)) }),
  logsumexp: (z) => ({ values: [logsumexpOf(z)] }),
  'logsumexp, absolute': (z) => ({ values: [logsumexpOf(z)], scale: Math.max(1, logsumexpOf(z)) }),
  // logsumexp(z) - z_k = ln(1 + sum_{j != k} exp(z_j - z_k)) for the hot unit k.
  cce: (z, y) => {
    const k = y.indexOf(1);
    const zk = z[k] ?? 0;
    const values = [Math.log1p(z.reduce((s, w, j) => (j === k ? s : s + Math.exp(w - zk)), 0))];
    return { values, scale: Math.max(1, Math.abs(logsumexpOf(z)), Math.abs(zk)) };
  },
};

// Every op gets the context of the backend it runs on, as a session hands it to its kernels.
const ELEMENTWISE = [
  ['Tanh (tf.tanh)', ({ tf }, x) => tf.tanh(x), Math.tanh, SIGNED],
  ['tanh composed (kernel)', composedTanh, Math.tanh, SIGNED],
  ['Exp (tf.exp)', ({ tf }, x) => tf.exp(x), Math.exp, SIGNED],
  ['Sigmoid (tf.sigmoid)', ({ tf }, x) => tf.sigmoid(x), sigmoidOf, SIGNED],
  ['Log (tf.log)', ({ tf }, x) => tf.log(x), Math.log, ROW_SUMS],
  ['Log1p (tf.log1p)', ({ tf }, x) => tf.log1p(x), Math.log1p, DECAYS],
  ['log1p (bce kernel)', (on, x) => log1pOn(on.tf, on.tfBackend)(x), Math.log1p, DECAYS],
];
const ROWWISE = [
  ['Softmax (tf.softmax)', 'softmax', ({ tf }, z) => tf.softmax(z)],
  ['softmax (kernel)', 'softmax', (on, z) => softmax.forward(on, z)],
  ['LogSumExp (tf.logSumExp)', 'logsumexp', ({ tf }, z) => tf.logSumExp(z, 1, true)],
  ['  in ulps of max(1, lse)', 'logsumexp, absolute', ({ tf }, z) => tf.logSumExp(z, 1, true)],
  ['cce (kernel)', 'cce', (on, z, y) => cce.terms(on, z, z, y)],
];

/** Runs `op(on, x, y)` on the active backend inside tf.tidy; returns the output's elements. */
function run(on, op, rows, targets) {
  const { tf } = on;
  const tensor = (m) => tf.tensor2d(Float32Array.from(m.flat()), [m.length, m[0]?.length ?? 0], 'float32');
  return Array.from(tf.tidy(() => op(on, tensor(rows), targets && tensor(targets)).dataSync()));
}

/** Worst error of `got` over the reference rows `refs`, with `at(row)` naming where. */
function worstOf(got, refs, at) {
  let worst = { err: 0, at: Number.NaN };
  let k = 0;
  refs.forEach(({ values, scale }, r) => {
    for (const v of values) {
      const err = ulpError(got[k++], v, scale ?? v);
      if (!(err <= worst.err)) worst = { err, at: at(r) };
    }
  });
  return worst;
}

const table = [];
let tf;
for (const tfBackend of BACKENDS) {
  tf = await loadTfBackend(tfBackend);
  await tf.setBackend(tfBackend);
  tf.env().set('PROD', true); // no "install tfjs-node" advice on the cpu backend
  const on = { tf, tfBackend };
  for (const [label, op, ref, ranges] of ELEMENTWISE) {
    for (const [range, x] of ranges) {
      const got = run(on, op, [x]);
      const cell = worstOf(
        got,
        x.map((v) => ({ values: [ref(v)] })),
        (r) => x[r],
      );
      table.push({ label, range, tfBackend, cell });
    }
  }
  for (const [label, kind, op] of ROWWISE) {
    for (const [seed, spread] of ['tiny', 'moderate', 'wide'].entries()) {
      const z = logitRows(spread, 10 + seed);
      const y = kind === 'cce' ? targetRows(z, spread, 20 + seed) : undefined;
      const got = run(on, op, z, y);
      const refs = z.map((row, r) => ROW_REFS[kind](row, y?.[r]));
      const cell = worstOf(got, refs, (r) => Math.max(...z[r]) - Math.min(...z[r]));
      table.push({ label, range: `${spread} rows`, tfBackend, cell });
    }
  }
}

const text = ({ err, at }) =>
  `${err < 100 ? err.toFixed(2) : err.toExponential(1)} (${Number.isNaN(at) ? '-' : at.toPrecision(3)})`;
console.log(
  `worst error in float32 ulps (at the argument), ${samples} samples per range, @tensorflow/tfjs ${tf.version.tfjs}`,
);
console.log(`${'op'.padEnd(26)} ${'range'.padEnd(15)} ${'tfjs-cpu'.padEnd(24)} tfjs-wasm`);
for (const row of table.filter((r) => r.tfBackend === BACKENDS[0])) {
  const wasm = table.find((r) => r.tfBackend === 'wasm' && r.label === row.label && r.range === row.range);
  console.log(
    `${row.label.padEnd(26)} ${row.range.padEnd(15)} ${text(row.cell).padEnd(24)} ${text(wasm.cell)}`,
  );
}
