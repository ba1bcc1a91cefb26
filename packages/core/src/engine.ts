import type { BackendInfo } from './backend.js';
import type { Matrix } from './matrix.js';
import type { NetworkSpec } from './network-spec.js';
import type { Params } from './params.js';
import type { LayerQuantity } from './quantity.js';

/**
 * The contract a backend author implements: only what differs per engine. Core's {@link createBackend}
 * wraps it into a {@link Backend} and each {@link SessionEngine} into a {@link TrainingSession}, which
 * validate and snapshot every input once, serialize calls, dispose, watch the cost, refuse a
 * non-finite update and assemble the trace. An engine sees only validated private copies in the
 * spec's dtype, one call at a time.
 */
export interface BackendEngine {
  /** Name, engine and dtypes; may name the loaded engine's version once `load()` has resolved. */
  readonly info: BackendInfo;
  /** Loads the engine. Core calls it once (again only after a failure); throw BackendInitError. */
  load(): Promise<void>;
  /** The engine side of a session for a validated spec and validated, private parameters. */
  createSession(spec: NetworkSpec, params: Params): Promise<SessionEngine> | SessionEngine;
  /** Releases the engine, after core has released every session created from it. */
  release(): Promise<void> | void;
}

/** A network held by one engine. Core calls one method at a time, never after `release()`. */
export interface SessionEngine {
  /** A_L for the inputs `x` (batch x n0), a new matrix in the spec's dtype. */
  forward(x: Matrix): Promise<Matrix> | Matrix;
  /**
   * Forward, backward and the candidate SGD update on one batch, without installing the update.
   * `x` and `y` are core's private copies: the engine may keep references to them.
   */
  step(x: Matrix, y: Matrix, learningRate: number, trace: boolean): Promise<EngineStep> | EngineStep;
  /**
   * Optional: up to `steps` untraced steps on one batch in one call, each exactly as `step` computes it
   * and commits it, stopping after the first step whose candidate is not finite. Nothing is installed
   * until core commits the run. Core loops over `step` for an engine without it.
   */
  train?(x: Matrix, y: Matrix, learningRate: number, steps: number): Promise<EngineTrain> | EngineTrain;
  /** Copies of the current parameters, bit for bit. */
  readParams(): Promise<Params> | Params;
  /** Installs validated parameters (private copies in the spec's dtype; the engine may keep them). */
  writeParams(params: Params): Promise<void> | void;
  /** Frees what the session holds on the engine. */
  release(): Promise<void> | void;
}

/** Every per-layer intermediate of a traced step, as new matrices. */
export type LayerValues = Readonly<Record<LayerQuantity, Matrix>>;

/** What an engine's step hands back to core, which then commits or discards the candidate. */
export interface EngineStep {
  /** Cost J at the parameters before the update. */
  readonly loss: number;
  /** True when the cost and every element of the candidate update are finite. */
  readonly finite: boolean;
  /** Per-layer intermediates, layer 1 first, when the step was traced. */
  readonly layers?: readonly LayerValues[];
  /** Copies of the candidate parameters; core reads them for a trace or to name a non-finite value. */
  readUpdate(): Promise<Params> | Params;
  /** Makes the candidate the current parameters. */
  commit(): void;
  /** Drops the candidate; the current parameters stay as they were. */
  discard(): void;
}

/** What an engine's run of steps hands back to core, which then commits or discards it. */
export interface EngineTrain {
  /** The cost J before each step whose candidate was finite, in order: the steps the run applies. */
  readonly losses: Float64Array;
  /** True when the run stopped at step `losses.length` because its candidate was not finite. */
  readonly stopped: boolean;
  /** Makes the parameters after the last applied step the current ones. */
  commit(): Promise<void> | void;
  /** Drops the run; the parameters stay as they were before it. */
  discard(): Promise<void> | void;
}
