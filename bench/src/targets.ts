import { MANY_STEPS } from './rows.js';
import type { RowResult } from './types.js';

/** One target of the issue, checked against a report. */
export interface TargetCheck {
  readonly target: string;
  /** The measured value, in the target's own terms. */
  readonly measured: string;
  readonly met: boolean;
  /** How far off a missed target is, e.g. `1.4x over`. */
  readonly miss: string;
}

interface Target {
  readonly target: string;
  readonly workload: string;
  readonly impl: RowResult['impl'];
  readonly engine: RowResult['engine'];
  /** The ratio key in `vs`, or `ms` for an absolute time. */
  readonly key: string;
  /** The largest value that meets the target. */
  readonly limit: number;
  /** The row's steps per call and threads: 1 and 1 unless said. */
  readonly stepsPerCall: number;
  readonly threads: number;
}

function t(
  target: string,
  workload: string,
  impl: Target['impl'],
  engine: Target['engine'],
  key: string,
  limit: number,
  row: { stepsPerCall?: number; threads?: number } = {},
): Target {
  return { target, workload, impl, engine, key, limit, stepsPerCall: 1, threads: 1, ...row };
}

const MANY = { stepsPerCall: MANY_STEPS };

/** The targets of the benchmark's issue, as limits on a row's ratio (or time). */
const TARGETS: readonly Target[] = [
  ...(['cpu', 'wasm'] as const).flatMap((e) =>
    ['W1', 'W2', 'W3', 'W4', 'W5'].map((w) =>
      t(
        `tfjs ${e} ${w}: no slower than tfjs Layers on ${e}`,
        w,
        'onegrad-tfjs',
        `tfjs-${e}`,
        `tfjs-layers/${e}`,
        1,
      ),
    ),
  ),
  t('tfjs wasm W3: 3x faster than tfjs Layers', 'W3', 'onegrad-tfjs', 'tfjs-wasm', 'tfjs-layers/wasm', 1 / 3),
  t('onnx float32 W3: within 2x of the GEMM floor', 'W3', 'onegrad-onnx', 'ort-cpu', 'ort-gemm-floor', 2),
  // W5 has W3's products; relu, softmax and cce add only element-wise work.
  t('onnx float32 W5: within 1.3x of the GEMM floor', 'W5', 'onegrad-onnx', 'ort-cpu', 'ort-gemm-floor', 1.3),
  t('tfjs wasm W5: 3x faster than tfjs Layers', 'W5', 'onegrad-tfjs', 'tfjs-wasm', 'tfjs-layers/wasm', 1 / 3),
  t(
    'onnx float32 W3: 30x faster than tfjs Layers on wasm',
    'W3',
    'onegrad-onnx',
    'ort-cpu',
    'tfjs-layers/wasm',
    1 / 30,
  ),
  t('onnx float32 W1: step under 50 µs', 'W1', 'onegrad-onnx', 'ort-cpu', 'ms', 0.05),
  t('onnx float32 W1: within 2x of the GEMM floor', 'W1', 'onegrad-onnx', 'ort-cpu', 'ort-gemm-floor', 2),
  t('ts float32 W1: faster than a brain.js epoch', 'W1', 'onegrad-ts', 'js', 'brainjs', 1),
  t('ts float32 W1: within 1.5x of the plain loop', 'W1', 'onegrad-ts', 'js', 'plain-loop', 1.5),
  ...['W2', 'W3', 'W4', 'W5'].map((w) =>
    t(`ts float32 ${w}: 3x faster than the plain loop`, w, 'onegrad-ts', 'js', 'plain-loop', 1 / 3),
  ),
  t(
    `ts float32 W1, ${MANY_STEPS} steps per call: no slower per step than the plain loop`,
    'W1',
    'onegrad-ts',
    'js',
    'plain-loop',
    1,
    MANY,
  ),
  t(
    `onnx float32 W1, ${MANY_STEPS} steps per call: a step under the GEMM floor's one run`,
    'W1',
    'onegrad-onnx',
    'ort-cpu',
    'ort-gemm-floor',
    1,
    MANY,
  ),
  ...(['cpu', 'wasm'] as const).map((e) =>
    t(
      `tfjs ${e} W1, ${MANY_STEPS} steps per call: 10x faster per step than one step per call`,
      'W1',
      'onegrad-tfjs',
      `tfjs-${e}`,
      'single-step',
      0.1,
      MANY,
    ),
  ),
  t(
    'onnx float32 W3, 2 threads: at most 0.6x the one-thread time',
    'W3',
    'onegrad-onnx',
    'ort-cpu',
    'threads-1',
    0.6,
    {
      threads: 2,
    },
  ),
];

function describe(key: string, value: number): string {
  if (key === 'ms') return `${(value * 1000).toPrecision(3)} µs`;
  return value <= 1 ? `${(1 / value).toPrecision(3)}x faster` : `${value.toPrecision(3)}x the time`;
}

/** Every target whose rows were measured, float32 rows only, met or missed and by how much. */
export function checkTargets(rows: readonly RowResult[]): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const t of TARGETS) {
    const row = rows.find(
      (r) =>
        r.workload === t.workload &&
        r.impl === t.impl &&
        r.engine === t.engine &&
        r.dtype === 'float32' &&
        r.stepsPerCall === t.stepsPerCall &&
        (r.threads ?? 1) === t.threads,
    );
    const value = t.key === 'ms' ? row?.medianMs : row?.vs[t.key];
    if (value === undefined) continue;
    const met = value <= t.limit;
    const miss = met ? '' : `${(value / t.limit).toPrecision(3)}x over the target`;
    checks.push({ target: t.target, measured: describe(t.key, value), met, miss });
  }
  return checks;
}
