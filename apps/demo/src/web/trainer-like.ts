import type { Batch, Matrix, NetworkSpec, Params, StepResult } from '@onegrad/core';
import type { TracedStep } from '../lib/traced-step.js';
import type { LossPoint, SwitchRecord } from '../lib/trainer.js';

/** What the page reads of a training run; a {@link Trainer} in this thread or one in the engine worker. */
export interface TrainerLike {
  /** Costs, one per step taken. */
  readonly history: readonly LossPoint[];
  /** Switches, in order, each with its judged first step once taken. */
  readonly switches: readonly SwitchRecord[];
  /** The latest traced step, with the parameters it started from. */
  readonly lastTraced: TracedStep | undefined;
  readonly spec: NetworkSpec;
  readonly batch: Batch;
  /** Steps per second of the last `train` call, engine time only (0 before the first). */
  readonly trainRate: number;
  /** Steps taken so far. */
  readonly steps: number;
  /** Id of the backend computing now. */
  readonly backendId: string;
  /** The engine computing now: its name and engine line, and its forward pass. */
  readonly active: {
    readonly backend: { readonly name: string; readonly engine: string };
    forward(x: Matrix): Promise<Matrix>;
  };
  /** One full-batch step; traced when asked (the first step after a switch is always traced and judged). */
  step(learningRate: number, trace?: boolean): Promise<StepResult>;
  /** `steps` untraced steps; the costs. */
  train(learningRate: number, steps: number): Promise<number[]>;
  /** Moves training to backend `id` with the parameters bit for bit. */
  switchTo(id: string): Promise<SwitchRecord>;
  setParams(params: Params): Promise<void>;
  /** Steps per second of the current engine on this network, timed on a copy of the session. */
  measure(learningRate: number, seconds?: number): Promise<number>;
  getParams(): Promise<Params>;
  dispose(): void;
}

/** Starts a training run of `spec` from `params` on backend `id`. */
export type StartTrainer = (
  id: string,
  spec: NetworkSpec,
  batch: Batch,
  params: Params,
) => Promise<TrainerLike>;
