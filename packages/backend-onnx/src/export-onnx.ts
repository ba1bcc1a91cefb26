import { type NetworkSpec, type Params, validateParams, validateSpec } from '@onegrad/core';
import { buildInferenceModel, buildTrainingModel, encodeModel } from './graph/index.js';
import type { TrainingGraphOptions } from './graph/training-graph-options.js';

/**
 * A standalone inference model of the network: input `X` (batch x n0), output `probabilities`
 * (batch x nL), parameters stored bit for bit as initializers. Any ONNX runtime or Netron opens it.
 */
export function exportOnnx(spec: NetworkSpec, params: Params): Uint8Array {
  validateSpec(spec);
  return encodeModel(buildInferenceModel(spec, validateParams(spec, params)));
}

/**
 * The training step of `spec` as ONNX bytes: inputs X, Y, lr, W1, b1, ...; outputs loss,
 * all_finite, W1_next, b1_next, ... (and every intermediate with `trace: true`). Open it in a
 * graph viewer to see the backward pass.
 */
export function trainingGraph(spec: NetworkSpec, options: TrainingGraphOptions = {}): Uint8Array {
  validateSpec(spec);
  return encodeModel(buildTrainingModel(spec, options));
}
