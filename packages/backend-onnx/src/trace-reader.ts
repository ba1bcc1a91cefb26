import { type LayerTrace, nonFiniteIndices, type StepTrace } from '@onegrad/core';
import { nextBias, nextWeight, traced } from './graph/index.js';
import type { OrtTensor } from './ort-like.js';
import { paramsOf, toMatrix } from './tensors.js';

/**
 * Assembles core's StepTrace from the outputs of a traced training graph (copies every value); `loss` is
 * the graph's loss output, already read by the step.
 */
export function readTrace(
  outputs: Readonly<Record<string, OrtTensor>>,
  layers: number,
  loss: number,
  fused: boolean,
): StepTrace {
  const get = (name: string): OrtTensor => {
    const t = outputs[name];
    if (!t) throw new Error(`the training graph did not output ${name}`);
    return t;
  };
  const layerTraces: LayerTrace[] = [];
  for (let l = 1; l <= layers; l++) {
    const dA = toMatrix(get(traced('dA', l)));
    layerTraces.push({
      z: toMatrix(get(traced('Z', l))),
      a: toMatrix(get(traced('A', l))),
      dA,
      dANonFinite: nonFiniteIndices(dA),
      dZ: toMatrix(get(traced('dZ', l))),
      dW: toMatrix(get(traced('dW', l))),
      db: toMatrix(get(traced('db', l))),
    });
  }
  return {
    layers: layerTraces,
    loss,
    fusedOutput: fused,
    params: paramsOf(outputs, layers, nextWeight, nextBias),
  };
}
