import type { Batch, Matrix, NetworkSpec, Params, StepResult } from '@onegrad/core';
import type { TracedStep } from '../lib/traced-step.js';
import type { LossPoint, SwitchRecord } from '../lib/trainer.js';

/** The calls the engine worker answers; every one names the run (`run`) it acts on, except `start`. */
export interface EngineCalls {
  start(id: string, spec: NetworkSpec, batch: Batch, params: Params): RunState;
  step(run: number, learningRate: number, trace: boolean): { result: StepResult; state: RunState };
  train(run: number, learningRate: number, steps: number): { losses: number[]; state: RunState };
  switchTo(run: number, id: string): { record: SwitchRecord; state: RunState };
  setParams(run: number, params: Params): RunState;
  getParams(run: number): Params;
  forward(run: number, x: Matrix): Matrix;
  /** Steps per second of the run's engine on a copy of its session, for about `seconds`; the run is untouched. */
  measure(run: number, learningRate: number, seconds: number): number;
  dispose(run: number): void;
}

/** What the page mirrors of a run after each call: only what changed travels. */
export interface RunState {
  readonly run: number;
  readonly backendId: string;
  readonly backend: { readonly name: string; readonly engine: string };
  /** Steps per second of the last `train` call, measured in the worker. */
  readonly trainRate: number;
  /** History points from index `historyFrom` on (the page has the ones before). */
  readonly historyFrom: number;
  readonly history: readonly LossPoint[];
  /** Every switch (few and small), with their judged first steps. */
  readonly switches: readonly SwitchRecord[];
  /** The latest traced step, when it changed since the last state. */
  readonly lastTraced?: TracedStep;
}

/** A call to the worker. */
export interface EngineRequest {
  readonly id: number;
  readonly method: keyof EngineCalls;
  readonly args: readonly unknown[];
}

/** The worker's answer: the call's value, or the error's name and message. */
export type EngineReply =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly name: string; readonly message: string };
