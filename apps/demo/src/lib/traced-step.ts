import type { Params, StepResult } from '@onegrad/core';

/** A traced step and what it started from: everything `judgeStep` of @onegrad/conformance needs. */
export interface TracedStep {
  /** 1-based step number. */
  readonly step: number;
  /** Id of the backend that took it. */
  readonly backend: string;
  /** Parameters before the step, in the network's dtype. */
  readonly params: Params;
  /** The learning rate passed to `step`. */
  readonly learningRate: number;
  /** What `step(batch, { learningRate, trace: true })` returned. */
  readonly result: StepResult;
}

/** The error model's verdict on one traced step (the part of `judgeStep`'s answer the demo shows). */
export interface StepVerdict {
  /** Worst |backend − reference| / bound over every value of the step; at most THRESHOLD (1) to pass. */
  readonly worstRatio: number;
  /** True when every value lies within its bound. */
  readonly pass: boolean;
}
