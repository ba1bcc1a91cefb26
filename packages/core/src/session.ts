import type { BackendInfo } from './backend.js';
import type { Matrix } from './matrix.js';
import type { NetworkSpec } from './network-spec.js';
import type { Params } from './params.js';
import type { StepTrace } from './trace.js';

/** Inputs and targets of one step: `x` is batch x n0, `y` is batch x nL. */
export interface Batch {
  /** Inputs, one sample per row. */
  readonly x: Matrix;
  /** Targets, one sample per row; in [0, 1] for bce, rows that are distributions for cce. */
  readonly y: Matrix;
}

/** Options of {@link TrainingSession.step}. */
export interface StepOptions {
  /** SGD learning rate: a positive finite number. */
  readonly learningRate: number;
  /** Return every intermediate of the step; off by default because reading them back costs time. */
  readonly trace?: boolean;
}

/** What one step returns. */
export interface StepResult {
  /** Cost J at the parameters before the update. */
  readonly loss: number;
  /** Every intermediate, when `trace: true` was asked for. */
  readonly trace?: StepTrace;
  /**
   * True when the cost exceeds DIVERGENCE_FACTOR (1000) times the larger of the chance cost and the
   * session's first cost since its parameters were set (core's LossWatch): training is diverging, lower
   * the learning rate. The update was applied. A step whose cost or parameters would not be finite is
   * refused with DivergenceError instead.
   */
  readonly diverging: boolean;
}

/** Options of {@link TrainingSession.train}. */
export interface TrainOptions {
  /** SGD learning rate of every step: a positive finite number. */
  readonly learningRate: number;
  /** How many steps to take on the batch: an integer from 1 to MAX_TRAIN_STEPS (100,000). */
  readonly steps: number;
}

/** What a run of steps returns. */
export interface TrainResult {
  /** The cost J before each step, one per step, in order. */
  readonly losses: Float64Array;
  /** True when any step of the run would have reported `diverging` (see {@link StepResult}). */
  readonly diverging: boolean;
}

/**
 * A network living on one backend. Calls are serialized in the order they are made. Each call reads
 * its inputs once, when it is made, into a private copy: changing them afterwards does not reach it.
 * A rejected call (bad input, divergence, an engine failure) leaves the parameters exactly as they were.
 */
export interface TrainingSession {
  /** The network this session trains. */
  readonly spec: NetworkSpec;
  /** The backend computing it. */
  readonly backend: BackendInfo;
  /**
   * Output activations A_L for `x` (batch x n0), batch x nL, in the spec's dtype. Rejects with
   * DivergenceError when they are not finite (products that overflow), as `step` does.
   */
  forward(x: Matrix): Promise<Matrix>;
  /** Forward, backward and SGD update on one batch. */
  step(batch: Batch, options: StepOptions): Promise<StepResult>;
  /**
   * `options.steps` steps on one batch in one call, with the same parameters and costs, bit for bit, as
   * that many `step` calls. The batch is read once. A step whose update would not be finite stops the
   * run: the steps before it stay applied and the call rejects with DivergenceError, whose `step` names
   * the refused step and `losses` holds the costs of the applied ones. Any other failure applies none.
   */
  train(batch: Batch, options: TrainOptions): Promise<TrainResult>;
  /** A copy of the current parameters in the spec's dtype, bit for bit. */
  getParams(): Promise<Params>;
  /** Replaces the parameters; values already in the spec's dtype are taken bit for bit. */
  setParams(params: Params): Promise<void>;
  /** Releases the engine's resources; later calls throw DisposedError. Calling it twice is harmless. */
  dispose(): void;
}
