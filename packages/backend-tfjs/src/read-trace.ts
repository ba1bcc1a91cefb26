import {
  assertFiniteStep,
  DivergenceError,
  nonFiniteIndices,
  type Params,
  type StepTrace,
} from '@onegrad/core';
import type { LayerTensors, StepTensors } from './step.js';
import { toMatrix } from './tensors.js';

/** Parameters copied off the engine, bit for bit. */
export function readParams(params: readonly LayerTensors[]): Params {
  return params.map((p) => ({ W: toMatrix(p.W), b: toMatrix(p.b) }));
}

/**
 * Reads the step's one scalar probe and returns the loss; when the probe says the step is not finite,
 * reads the loss and the update to name the culprit and throws core's DivergenceError.
 */
export function readLossOrDiverge(step: StepTensors): number {
  const probe = step.probe.dataSync()[0] as number;
  if (Number.isFinite(probe)) return probe;
  assertFiniteStep(step.loss.dataSync()[0] as number, readParams(step.updated));
  throw new DivergenceError('loss', 'the step is not finite; it was not applied');
}

/** Every intermediate of a traced step, copied off the engine into core's trace. */
export function readTrace(step: StepTensors, loss: number, fusedOutput: boolean): StepTrace {
  const layers = (step.layers ?? []).map((t) => {
    const dA = toMatrix(t.dA);
    return {
      z: toMatrix(t.z),
      a: toMatrix(t.a),
      dA,
      dANonFinite: nonFiniteIndices(dA),
      dZ: toMatrix(t.dZ),
      dW: toMatrix(t.dW),
      db: toMatrix(t.db),
    };
  });
  return { layers, loss, fusedOutput, params: readParams(step.updated) };
}
