import type { DType } from '@onegrad/core';

/**
 * What produced a row: a onegrad backend, a peer a user would pick instead, or the demo page
 * (`demo-page`: apps/demo's own "Measure steps/s", in Chromium).
 */
export type Impl =
  | 'onegrad-ts'
  | 'onegrad-tfjs'
  | 'onegrad-onnx'
  | 'tfjs-layers'
  | 'brainjs'
  | 'plain-loop'
  | 'ort-gemm-floor'
  | 'demo-page';

/**
 * The engine a row computes on: plain JavaScript, a tfjs backend, ONNX Runtime's CPU provider (Node)
 * or its WebAssembly build (onnxruntime-web, in the browser).
 */
export type Engine = 'js' | 'tfjs-cpu' | 'tfjs-wasm' | 'tfjs-webgl' | 'ort-cpu' | 'ort-wasm';

/**
 * One row of the benchmark: a workload on one implementation, engine and dtype, with `stepsPerCall`
 * steps per call (1: `step`; more: one `train` call of that many steps) and, for onnxruntime rows,
 * its intra-op `threads`.
 */
export interface RowSpec {
  readonly workload: string;
  readonly impl: Impl;
  readonly engine: Engine;
  readonly dtype: DType;
  readonly stepsPerCall: number;
  /** Intra-op threads of an onnxruntime row (onegrad-onnx, ort-gemm-floor); absent on the others. */
  readonly threads?: number;
  /** `chromium` for a row run in headless Chromium (`--browser`); absent for the rows run in Node. */
  readonly runtime?: 'chromium';
}

/** A measured row, exactly as the JSON report stores it; times are per step, whatever `stepsPerCall`. */
export interface RowResult extends RowSpec {
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  readonly gflops: number;
  /** The row's process's peak RSS; absent for a Chromium row, whose page shares the browser's processes. */
  readonly peakRssMb?: number;
  /** Steps per second, `1000 / medianMs`: only on a `demo-page` row, whose page reports a rate. */
  readonly stepsPerSecond?: number;
  /** This row's median time over the peer's median time: below 1 the row is faster. */
  readonly vs: Record<string, number>;
}

/** A row not measured by design, e.g. a onegrad backend without a kernel for the workload's spec. */
export interface RowSkip extends RowSpec {
  /** Why, as the runner said it (the backend's SpecError). */
  readonly reason: string;
}

/** Where the numbers were measured. */
export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly node: string;
}

/** The JSON report: `{ date, machine, rows, skipped }`. */
export interface Report {
  readonly date: string;
  readonly machine: Machine;
  readonly rows: RowResult[];
  /** Rows planned but not measured, each with its reason; absent from reports made before skips existed. */
  readonly skipped?: RowSkip[];
}

/**
 * A row's name in filters and messages, e.g. `W3/onegrad-tfjs/tfjs-wasm/float32`, with `/k1000` for
 * 1000 steps per call, `/t2` for two threads and `/chromium` for a row run in the browser.
 */
export function rowId(row: RowSpec): string {
  const k = row.stepsPerCall > 1 ? `/k${row.stepsPerCall}` : '';
  const t = (row.threads ?? 1) > 1 ? `/t${row.threads}` : '';
  const runtime = row.runtime === undefined ? '' : `/${row.runtime}`;
  return `${row.workload}/${row.impl}/${row.engine}/${row.dtype}${k}${t}${runtime}`;
}
