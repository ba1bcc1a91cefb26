import type { Backend, DType } from '@onegrad/core';

/** A backend under test, as its own test file hands it to the suite. */
export interface ConformanceTarget {
  /** Label in reports, e.g. `ts`, `tfjs-wasm`, `onnx`. */
  readonly name: string;
  /** Creates a fresh, uninitialised backend; the suite calls `init()` and `dispose()`. */
  readonly create: () => Backend;
  /** Dtypes to run; default: every dtype the backend declares. */
  readonly dtypes?: readonly DType[];
  /**
   * Cases not run, each with the reason: keys are case ids or prefixes ending in `*`
   * (e.g. `random/*`). Skips are reported, never silent.
   */
  readonly skip?: Readonly<Record<string, string>>;
}
