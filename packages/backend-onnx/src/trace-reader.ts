import { LAYER_QUANTITIES, type LayerQuantity, type LayerValues, type Matrix } from '@onegrad/core';
import { traced } from './graph/index.js';
import type { OrtTensor } from './ort-like.js';
import { toMatrix } from './tensors.js';

/** Copies Z, A, dA, dZ, dW, db of every layer, layer 1 first, out of a traced step's outputs. */
export function readLayers(outputs: Readonly<Record<string, OrtTensor>>, layers: number): LayerValues[] {
  return Array.from({ length: layers }, (_, i) => {
    const values = {} as Record<LayerQuantity, Matrix>;
    for (const q of LAYER_QUANTITIES) values[q] = toMatrix(outputs[traced(q, i + 1)] as OrtTensor);
    return values;
  });
}
