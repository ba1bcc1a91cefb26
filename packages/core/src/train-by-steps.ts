import { DivergenceError } from './errors.js';
import { refusedRunStep } from './finite-step.js';
import type { Batch, TrainingSession, TrainOptions, TrainResult } from './session.js';
import { snapshotTrainOptions } from './train-options.js';

/**
 * `train` for a TrainingSession written by hand, over its own `step`: `steps` calls with the same
 * refusal rule as core's session (a refused step ends the run with the steps before it applied, and
 * the DivergenceError says which); any other failure midway writes back the parameters from before
 * the run. Each step reads the batch again: a hand-written session snapshots per call, not per run.
 */
export async function trainBySteps(
  session: Pick<TrainingSession, 'spec' | 'step' | 'getParams' | 'setParams'>,
  batch: Batch,
  options: TrainOptions,
): Promise<TrainResult> {
  const { learningRate, steps } = snapshotTrainOptions(options, 'options', session.spec.dtype);
  const before = await session.getParams();
  const losses = new Float64Array(steps);
  let diverging = false;
  for (let k = 0; k < steps; k++) {
    try {
      const result = await session.step(batch, { learningRate });
      losses[k] = result.loss;
      diverging ||= result.diverging;
    } catch (error) {
      if (error instanceof DivergenceError) throw refusedRunStep(error, k, steps, losses.slice(0, k));
      if (k > 0) await session.setParams(before);
      throw error;
    }
  }
  return { losses, diverging };
}
