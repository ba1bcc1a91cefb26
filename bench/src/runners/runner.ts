import type { RowSpec } from '../types.js';
import type { Workload } from '../workloads.js';

/** A network set up to train one workload; `step` runs one call on the workload's batch. */
export interface Runner {
  /**
   * One call: forward, backward and update, `stepsPerCall` times for a many-steps row, the result read
   * back as the implementation's API does.
   */
  step(): unknown;
  /**
   * Checks after the samples that the row computed the workload's step (throws when it did not, and the
   * row fails). After, not before: a check that runs backend-ts in float64 before onegrad-ts float32 is
   * timed leaves the shared kernels compiled for both array types, and slower.
   */
  verify?(): Promise<void>;
  /** Releases the engine's resources. */
  dispose(): void | Promise<void>;
}

/** Builds the runner of a row; throws when the row's engine cannot run here. */
export type RunnerFactory = (row: RowSpec, workload: Workload) => Promise<Runner>;

/**
 * Thrown by a runner factory when the row cannot be measured by design, not by fault: a onegrad backend
 * that refuses the workload's spec with a SpecError (it has no kernel for an activation or loss yet).
 * The row is reported as skipped, with `message` as its reason, and the run does not fail.
 */
export class RowSkipped extends Error {
  override name = 'RowSkipped';
}
