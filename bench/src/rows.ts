import { type RowSpec, rowId } from './types.js';
import { WORKLOADS, type Workload } from './workloads.js';

/** The implementations, engines and dtypes measured on every workload, onegrad's first, one step per call. */
const VARIANTS: readonly Omit<RowSpec, 'workload'>[] = [
  { impl: 'onegrad-ts', engine: 'js', dtype: 'float32', stepsPerCall: 1 },
  { impl: 'onegrad-ts', engine: 'js', dtype: 'float64', stepsPerCall: 1 },
  { impl: 'onegrad-tfjs', engine: 'tfjs-cpu', dtype: 'float32', stepsPerCall: 1 },
  { impl: 'onegrad-tfjs', engine: 'tfjs-wasm', dtype: 'float32', stepsPerCall: 1 },
  { impl: 'onegrad-onnx', engine: 'ort-cpu', dtype: 'float32', stepsPerCall: 1, threads: 1 },
  { impl: 'onegrad-onnx', engine: 'ort-cpu', dtype: 'float64', stepsPerCall: 1, threads: 1 },
  { impl: 'tfjs-layers', engine: 'tfjs-cpu', dtype: 'float32', stepsPerCall: 1 },
  { impl: 'tfjs-layers', engine: 'tfjs-wasm', dtype: 'float32', stepsPerCall: 1 },
  { impl: 'brainjs', engine: 'js', dtype: 'float32', stepsPerCall: 1 },
  { impl: 'plain-loop', engine: 'js', dtype: 'float32', stepsPerCall: 1 },
  { impl: 'ort-gemm-floor', engine: 'ort-cpu', dtype: 'float32', stepsPerCall: 1, threads: 1 },
  { impl: 'ort-gemm-floor', engine: 'ort-cpu', dtype: 'float64', stepsPerCall: 1, threads: 1 },
];

/** Steps per `train` call in the many-steps rows. */
export const MANY_STEPS = 1000;

/** Workloads whose onegrad rows are also measured with {@link MANY_STEPS} steps per call. */
const MANY_STEP_WORKLOADS = ['W1'];

/** Workloads whose onnxruntime rows are also measured on two threads. */
const THREADED_WORKLOADS = ['W2', 'W3', 'W5'];

/** The extra rows of workload `id`: many steps per call on every onegrad backend, two ORT threads. */
function extraVariants(id: string): Omit<RowSpec, 'workload'>[] {
  const onegrad = VARIANTS.filter((v) => v.impl.startsWith('onegrad-'));
  const ort = VARIANTS.filter((v) => v.threads !== undefined);
  return [
    ...(MANY_STEP_WORKLOADS.includes(id) ? onegrad.map((v) => ({ ...v, stepsPerCall: MANY_STEPS })) : []),
    ...(THREADED_WORKLOADS.includes(id) ? ort.map((v) => ({ ...v, threads: 2 })) : []),
  ];
}

/**
 * True when `impl` can express workload `w`. brain.js's NeuralNetwork has no softmax output and no
 * cross-entropy, so it runs only the sigmoid workloads; every other implementation runs them all (a
 * onegrad backend without a kernel for the spec is skipped at run time, with its reason).
 */
export function expresses(impl: RowSpec['impl'], w: Workload): boolean {
  return impl !== 'brainjs' || (w.activations === undefined && w.loss !== 'cce');
}

/** Every row of the benchmark, workload by workload: one step per call, then the extra rows. */
export function allRows(): RowSpec[] {
  return WORKLOADS.flatMap((w) =>
    [...VARIANTS, ...extraVariants(w.id)]
      .filter((v) => expresses(v.impl, w))
      .map((v) => ({ workload: w.id, ...v })),
  );
}

/**
 * The rows whose id (`W3/onegrad-tfjs/tfjs-wasm/float32`) contains every term (split at spaces or '+') of one of the
 * comma-separated alternatives of `filter`: `W3` picks a workload, `W1+onnx,W2+ts` two groups.
 */
export function filterRows(rows: readonly RowSpec[], filter: string | undefined): RowSpec[] {
  if (!filter) return [...rows];
  const alternatives = filter
    .split(',')
    .map((alt) =>
      alt
        .trim()
        .split(/[\s+]+/)
        .filter(Boolean),
    )
    .filter((terms) => terms.length > 0);
  return rows.filter((row) => {
    const id = rowId(row).toLowerCase();
    return alternatives.some((terms) => terms.every((t) => id.includes(t.toLowerCase())));
  });
}

/** The onegrad backends a page can run: ts, onnxruntime-web on WebAssembly, tfjs on wasm and webgl. */
const BROWSER_VARIANTS: readonly Omit<RowSpec, 'workload'>[] = [
  { impl: 'onegrad-ts', engine: 'js', dtype: 'float32', stepsPerCall: 1 },
  { impl: 'onegrad-ts', engine: 'js', dtype: 'float64', stepsPerCall: 1 },
  { impl: 'onegrad-tfjs', engine: 'tfjs-wasm', dtype: 'float32', stepsPerCall: 1 },
  { impl: 'onegrad-tfjs', engine: 'tfjs-webgl', dtype: 'float32', stepsPerCall: 1 },
  { impl: 'onegrad-onnx', engine: 'ort-wasm', dtype: 'float32', stepsPerCall: 1, threads: 1 },
  { impl: 'onegrad-onnx', engine: 'ort-wasm', dtype: 'float64', stepsPerCall: 1, threads: 1 },
];

/** The rows of `--browser`, run in headless Chromium: every workload, and W1 with many steps per call. */
export function browserRows(): RowSpec[] {
  return WORKLOADS.flatMap((w) => {
    const many = MANY_STEP_WORKLOADS.includes(w.id)
      ? BROWSER_VARIANTS.map((v) => ({ ...v, stepsPerCall: MANY_STEPS }))
      : [];
    return [...BROWSER_VARIANTS, ...many].map((v) => ({
      workload: w.id,
      ...v,
      runtime: 'chromium' as const,
    }));
  });
}

/** The demo page's engines: the id of each one's button and the engine a row of it is planned with. */
export const DEMO_ENGINES = [
  { id: 'ts', engine: 'js' },
  { id: 'onnx', engine: 'ort-wasm' },
  // The page takes webgl where the browser has it, else tfjs-cpu; the row names the one it ran.
  { id: 'tfjs', engine: 'tfjs-webgl' },
  { id: 'tfjs-wasm', engine: 'tfjs-wasm' },
] as const;

/**
 * The rows of the demo page under `--browser`: its own "Measure steps/s" on the seed net (W1, float32)
 * for each engine. The page chooses its own steps per call (doubling until a call lasts 50 ms), so
 * `stepsPerCall` is 1 by convention and the time is per step.
 */
export function demoRows(): RowSpec[] {
  return DEMO_ENGINES.map((e) => ({
    workload: 'W1',
    impl: 'demo-page' as const,
    engine: e.engine,
    dtype: 'float32' as const,
    stepsPerCall: 1,
    runtime: 'chromium' as const,
  }));
}
