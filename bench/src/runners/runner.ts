import type { RowSpec } from '../types.js';
import type { Workload } from '../workloads.js';

/** A network set up to train one workload; `step` runs one training step on the workload's batch. */
export interface Runner {
  /** One step: forward, backward and update, the result read back as the implementation's API does. */
  step(): unknown;
  /** Releases the engine's resources. */
  dispose(): void | Promise<void>;
}

/** Builds the runner of a row; throws when the row's engine cannot run here. */
export type RunnerFactory = (row: RowSpec, workload: Workload) => Promise<Runner>;
