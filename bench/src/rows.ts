import { type RowSpec, rowId } from './types.js';
import { WORKLOADS, type Workload } from './workloads.js';

/** The implementations, engines and dtypes measured on every workload, onegrad's first. */
const VARIANTS: readonly Omit<RowSpec, 'workload'>[] = [
  { impl: 'onegrad-ts', engine: 'js', dtype: 'float32' },
  { impl: 'onegrad-ts', engine: 'js', dtype: 'float64' },
  { impl: 'onegrad-tfjs', engine: 'tfjs-cpu', dtype: 'float32' },
  { impl: 'onegrad-tfjs', engine: 'tfjs-wasm', dtype: 'float32' },
  { impl: 'onegrad-onnx', engine: 'ort-cpu', dtype: 'float32' },
  { impl: 'onegrad-onnx', engine: 'ort-cpu', dtype: 'float64' },
  { impl: 'tfjs-layers', engine: 'tfjs-cpu', dtype: 'float32' },
  { impl: 'tfjs-layers', engine: 'tfjs-wasm', dtype: 'float32' },
  { impl: 'brainjs', engine: 'js', dtype: 'float32' },
  { impl: 'plain-loop', engine: 'js', dtype: 'float32' },
  { impl: 'ort-gemm-floor', engine: 'ort-cpu', dtype: 'float32' },
  { impl: 'ort-gemm-floor', engine: 'ort-cpu', dtype: 'float64' },
];

/**
 * True when `impl` can express workload `w`. brain.js's NeuralNetwork has no softmax output and no
 * cross-entropy, so it runs only the sigmoid workloads; every other implementation runs them all (a
 * onegrad backend without a kernel for the spec is skipped at run time, with its reason).
 */
export function expresses(impl: RowSpec['impl'], w: Workload): boolean {
  return impl !== 'brainjs' || (w.activations === undefined && w.loss !== 'cce');
}

/** Every row of the benchmark, workload by workload. */
export function allRows(): RowSpec[] {
  return WORKLOADS.flatMap((w) =>
    VARIANTS.filter((v) => expresses(v.impl, w)).map((v) => ({ workload: w.id, ...v })),
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
