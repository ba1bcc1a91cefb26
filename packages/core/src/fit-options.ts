import type { Batch } from './session.js';

/** Options of {@link fit}. */
export interface FitOptions {
  /** SGD learning rate: a positive finite number. */
  readonly learningRate: number;
  /** Passes over the data: a positive integer. */
  readonly epochs: number;
  /** Rows per step: a positive integer; the whole data (one step per epoch) when absent or larger. */
  readonly batchSize?: number;
  /** Shuffle the rows before each epoch's mini-batches; default true (no effect on a full batch). */
  readonly shuffle?: boolean;
  /** Seed of the shuffle, so a run can be repeated exactly; default 1. */
  readonly seed?: number;
  /** Data held out of training: its cost is reported after every epoch. */
  readonly validation?: Batch;
  /** Called after every epoch; fit waits for a returned promise. */
  readonly onEpoch?: (progress: FitEpoch) => void | Promise<void>;
  /** Called after every step; fit waits for a returned promise. */
  readonly onStep?: (progress: FitStep) => void | Promise<void>;
  /** Stops training between steps: fit then rejects with the signal's reason, keeping the steps made. */
  readonly signal?: AbortSignal;
}

/** Progress after one step. */
export interface FitStep {
  /** The epoch, from 0. */
  readonly epoch: number;
  /** The step within the epoch, from 0. */
  readonly step: number;
  /** Steps per epoch. */
  readonly steps: number;
  /** Cost J of the step's batch before its update. */
  readonly loss: number;
}

/** Progress after one epoch. */
export interface FitEpoch {
  /** The epoch, from 0. */
  readonly epoch: number;
  /** Epochs asked for. */
  readonly epochs: number;
  /** The epoch's training cost: the mean over its rows of the step costs (each before its update). */
  readonly loss: number;
  /** Cost on the validation data after the epoch's updates; undefined without validation data. */
  readonly validationLoss: number | undefined;
  /** True once any step so far reported `diverging` (lower the learning rate). */
  readonly diverging: boolean;
}

/** What {@link fit} returns: the costs of the whole run. */
export interface FitHistory {
  /** Training cost per epoch (see {@link FitEpoch.loss}). */
  readonly loss: Float64Array;
  /** Validation cost per epoch; undefined without validation data. */
  readonly validationLoss: Float64Array | undefined;
  /** Cost of every step, in order. */
  readonly stepLoss: Float64Array;
  /** True when any step reported `diverging`. */
  readonly diverging: boolean;
}
