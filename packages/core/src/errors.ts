/** Base class of every error onegrad throws on purpose; `parameter` names the offending argument. */
export class OnegradError extends Error {
  /** The argument or field that was rejected, e.g. `batch.x` or `spec.sizes`. */
  readonly parameter: string;
  constructor(parameter: string, message: string, options?: { cause?: unknown }) {
    super(`${parameter}: ${message}`, options);
    this.name = new.target.name;
    this.parameter = parameter;
  }
}

/** A matrix or parameter has the wrong shape; the message states expected and actual shapes. */
export class ShapeError extends OnegradError {}

/** An input (batch, parameter, hyperparameter) holds NaN or Infinity. */
export class NonFiniteError extends OnegradError {}

/** A target the loss refuses: bce outside [0, 1], cce rows that are not distributions. */
export class TargetRangeError extends OnegradError {}

/** A batch has no rows. */
export class EmptyBatchError extends OnegradError {}

/** The learning rate is not a positive finite number. */
export class LearningRateError extends OnegradError {}

/** A call's option has the wrong type, e.g. `trace: 1` where a boolean is expected. */
export class OptionError extends OnegradError {}

/** A network spec is malformed (sizes, loss, dtype, activations, an invalid pair) or names what an engine has no kernel for. */
export class SpecError extends OnegradError {}

/** The backend cannot compute in the requested dtype. */
export class UnsupportedDTypeError extends OnegradError {}

/** A session or backend was used after `dispose()`. */
export class DisposedError extends OnegradError {}

/** A step would have produced a non-finite loss or parameter; it was not applied. */
export class DivergenceError extends OnegradError {}

/** The engine behind a backend could not be initialised (missing module, unavailable device). */
export class BackendInitError extends OnegradError {}

/** A saved parameters file is malformed, truncated or altered (its checksum does not match). */
export class ParamsFileError extends OnegradError {}

/** A batch or network larger than the engine can hold (a wasm heap, a runtime limit); refused before anything was allocated. */
export class CapacityError extends OnegradError {}

/**
 * The engine itself failed during a call, which was not applied. An engine that cannot recover (a wasm
 * module that aborted) is poisoned: every later call on it, on any session or backend, throws EngineError.
 */
export class EngineError extends OnegradError {}
