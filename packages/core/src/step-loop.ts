import type { EngineTrain, SessionEngine } from './engine.js';
import { isFiniteCandidate } from './finite-step.js';
import type { Matrix } from './matrix.js';

/**
 * A run of steps for an engine without `train`: `step` and `commit` up to `steps` times, stopping at
 * the first candidate that is not finite. Each step is committed as it goes, so the run keeps a copy
 * of the parameters from before it: discarding the run (or an engine failure midway) writes it back.
 */
export async function loopSteps(
  engine: SessionEngine,
  x: Matrix,
  y: Matrix,
  learningRate: number,
  steps: number,
): Promise<EngineTrain> {
  const before = await engine.readParams();
  const losses = new Float64Array(steps);
  let done = 0;
  let stopped = false;
  try {
    while (done < steps) {
      const out = await engine.step(x, y, learningRate, false);
      if (!isFiniteCandidate(out)) {
        await out.discard();
        stopped = true;
        break;
      }
      await out.commit();
      losses[done++] = out.loss;
    }
  } catch (error) {
    if (done > 0) await engine.writeParams(before);
    throw error;
  }
  return {
    losses: done === steps ? losses : losses.slice(0, done),
    stopped,
    commit: () => undefined,
    discard: () => engine.writeParams(before),
  };
}
