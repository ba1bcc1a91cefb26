import type { DType } from './dtype.js';
import { StepCountError } from './errors.js';
import type { TrainOptions } from './session.js';
import { snapshotStepOptions } from './validate-step.js';

/** The most steps one `train` call takes, which bounds what it holds: its costs fill at most 800 kB. */
export const MAX_TRAIN_STEPS = 100_000;

/** Reads train options once: the learning rate as for a step, `steps` an integer in [1, MAX_TRAIN_STEPS]. */
export function snapshotTrainOptions(
  options: TrainOptions,
  name = 'options',
  dtype?: DType,
): { learningRate: number; steps: number } {
  const { learningRate } = snapshotStepOptions(options, name, dtype);
  const { steps } = options;
  if (typeof steps !== 'number' || !Number.isInteger(steps) || steps < 1 || steps > MAX_TRAIN_STEPS) {
    throw new StepCountError(
      `${name}.steps`,
      `expected an integer from 1 to ${MAX_TRAIN_STEPS}, got ${String(steps)}`,
    );
  }
  return { learningRate, steps };
}
