import { LAYER_QUANTITIES, type LayerValues, type Params } from '@onegrad/core';
import type { LayerStepTensors, LayerTensors } from './step.js';
import { toMatrix } from './tensors.js';

/** Parameters copied off the engine, bit for bit. */
export function readParams(params: readonly LayerTensors[]): Params {
  return params.map((p) => ({ W: toMatrix(p.W), b: toMatrix(p.b) }));
}

/** One layer's intermediates of a traced step, copied off the engine. */
export function readValues(layer: LayerStepTensors): LayerValues {
  return Object.fromEntries(LAYER_QUANTITIES.map((q) => [q, toMatrix(layer[q])])) as LayerValues;
}
