/**
 * The part of the onnxruntime JavaScript API this backend uses. onnxruntime-node and onnxruntime-web
 * both satisfy it, so the shared code takes the runtime as a parameter and imports neither.
 */

/** A tensor of the runtime. */
export interface OrtTensor {
  /** Element type, e.g. `float32`, `float64`, `bool`. */
  readonly type: string;
  /** The elements, row-major. */
  readonly data: unknown;
  /** The shape. */
  readonly dims: readonly number[];
}

/** A compiled model of the runtime. */
export interface OrtSession {
  /** Runs the model on named inputs; resolves to every output by name. */
  run(feeds: Record<string, OrtTensor>): Promise<Record<string, OrtTensor>>;
  /** Frees the compiled model. */
  release(): Promise<void>;
}

/** Session options this backend sets (a subset of `InferenceSession.SessionOptions`). */
export interface OrtSessionOptions {
  readonly executionProviders?: readonly string[];
  readonly intraOpNumThreads?: number;
  readonly interOpNumThreads?: number;
  readonly logSeverityLevel?: 0 | 1 | 2 | 3 | 4;
}

/** The runtime module: `import * as ort from 'onnxruntime-node'` (or `-web`). */
export interface OrtModule {
  readonly Tensor: {
    new (type: 'float32' | 'float64', data: Float32Array | Float64Array, dims: readonly number[]): OrtTensor;
    new (type: 'int64', data: BigInt64Array, dims: readonly number[]): OrtTensor;
    new (type: 'bool', data: Uint8Array, dims: readonly number[]): OrtTensor;
  };
  readonly InferenceSession: {
    create(model: Uint8Array, options?: OrtSessionOptions): Promise<OrtSession>;
  };
  readonly env: { readonly versions: { readonly [runtime: string]: string | undefined } };
}
