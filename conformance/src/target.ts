import type { Backend, DType } from '@onegrad/core';

/** A backend under test, as its own test file hands it to the suite. */
export interface ConformanceTarget {
  /** Label in reports, e.g. `ts`, `tfjs-wasm`, `onnx`. */
  readonly name: string;
  /** Where the engine runs, shown in every report row: `node` (the default) or `chromium` for a browser engine. */
  readonly runtime?: string;
  /** Creates a fresh, uninitialised backend; the suite calls `init()` and `dispose()`. */
  readonly create: () => Backend;
  /** Dtypes to run; default: every dtype the backend declares. */
  readonly dtypes?: readonly DType[];
  /**
   * True when the engine flushes subnormal results to zero (e.g. webgl); the bounds then allow
   * MIN_NORMAL per underflowing operation instead of u MIN_NORMAL. Default false (IEEE gradual
   * underflow, as JS, wasm and ORT's CPU kernels keep).
   */
  readonly flushesSubnormals?: boolean;
  /**
   * Cases not run, each with the reason: keys are case ids or prefixes ending in `*`
   * (e.g. `random/*`). Skips are reported, never silent.
   */
  readonly skip?: Readonly<Record<string, string>>;
}
