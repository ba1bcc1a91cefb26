import type { DType } from './dtype.js';
import type { NetworkSpec } from './network-spec.js';
import type { Params } from './params.js';
import type { TrainingSession } from './session.js';

/** What a backend is and what it can compute. */
export interface BackendInfo {
  /** Short stable name, e.g. `ts`, `tfjs-cpu`, `onnx`. */
  readonly name: string;
  /** The engine and where it runs, e.g. `@tensorflow/tfjs 4.22.0 (wasm)`. */
  readonly engine: string;
  /** The dtypes it computes in. */
  readonly dtypes: readonly DType[];
}

/**
 * A compute backend. Creating one has no side effect; `init()` loads the engine. Sessions created
 * from it hold their own state, so several networks (and several backends) can live side by side.
 */
export interface Backend {
  /** Name, engine and dtypes. */
  readonly info: BackendInfo;
  /** Loads and initialises the engine; idempotent. Throws BackendInitError when it cannot. */
  init(): Promise<void>;
  /**
   * A training session for `spec` starting from `params` (copied). Throws SpecError, ShapeError,
   * NonFiniteError or UnsupportedDTypeError before anything is allocated.
   */
  createSession(spec: NetworkSpec, params: Params): Promise<TrainingSession>;
  /**
   * Lets calls already running finish, then disposes every session created from this backend and
   * releases the engine; later calls throw DisposedError. Calling it twice is harmless.
   */
  dispose(): Promise<void>;
}

/** The shape of a backend package's entry point: options in, an uninitialised backend out. */
export type BackendFactory<Options = undefined> = (options?: Options) => Backend;
