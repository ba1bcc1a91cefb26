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

/** Where a refused step stood in its call: see {@link DivergenceError}. */
export interface DivergenceDetails {
  /** 0-based index, within the call, of the step that was refused; 0 for `step`. */
  readonly step?: number;
  /** The cost J before each step of the call that was applied, one per step (`step` of them). */
  readonly losses?: Float64Array;
  readonly cause?: unknown;
}

/**
 * A step would have produced a non-finite loss or parameter; it was not applied. In a `train` call the
 * steps before it were: `step` says which one was refused and `losses` holds the costs of those applied.
 */
export class DivergenceError extends OnegradError {
  /** 0-based index, within the call, of the refused step; also how many of its steps were applied. */
  readonly step: number;
  /** The cost before each applied step of the call, `step` values (empty for a refused `step` call). */
  readonly losses: Float64Array;
  constructor(parameter: string, message: string, details: DivergenceDetails = {}) {
    super(parameter, message, details.cause === undefined ? undefined : { cause: details.cause });
    this.losses = details.losses ?? new Float64Array(0);
    this.step = details.step ?? this.losses.length;
  }
}

/** The step count of a `train` call is not an integer from 1 to MAX_TRAIN_STEPS. */
export class StepCountError extends OnegradError {}

/** A backend option is outside what the backend accepts, e.g. `threads` that is not a positive integer. */
export class BackendOptionError extends OnegradError {}

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

/** An option of `fit` is missing or out of range (epochs, batchSize, seed, callbacks, signal). */
export class FitOptionsError extends OnegradError {}
