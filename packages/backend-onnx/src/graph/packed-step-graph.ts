import { type NetworkSpec, parameterCount } from '@onegrad/core';
import { GraphBuilder } from './graph-builder.js';
import { customActivations, specTag, toModel } from './model.js';
import { NAMES, nextBias, nextWeight } from './names.js';
import type { ModelInit } from './onnx.js';
import { declareInputs, emitStepValues } from './training-graph.js';

/** The packed step graph's one output: W1_next, b1_next, ... row-major one after the other, then the loss. */
export const PACKED_STEP_OUTPUT = 'step_packed';

/**
 * The untraced SGD step of `spec` with one output instead of 2L + 2: the same nodes as the training
 * graph's step up to the update, then every updated parameter and the loss flattened into
 * {@link PACKED_STEP_OUTPUT} (Reshape and Concat copy the bits). onnxruntime-node pays about 2 us per
 * output of a `run` whatever its size, and the caller checks finiteness over the packed elements
 * itself, so a small network's step runs no all_finite nodes either. Inputs X, Y, lr, W1, b1, ...
 */
export function buildPackedStepModel(spec: NetworkSpec): ModelInit {
  const g = new GraphBuilder(spec.dtype);
  declareInputs(g, spec);
  emitStepValues(g, spec, false);
  const flat = g.int64('flat_shape', [-1], [1]);
  const parts: string[] = [];
  for (let l = 1; l < spec.sizes.length; l++) {
    parts.push(g.op('Reshape', [nextWeight(l), flat]), g.op('Reshape', [nextBias(l), flat]));
  }
  parts.push(g.op('Reshape', [NAMES.loss, flat]));
  g.op('Concat', parts, PACKED_STEP_OUTPUT, { axis: 0 });
  g.output(PACKED_STEP_OUTPUT, [parameterCount(spec.sizes) + 1]);
  const custom = customActivations(spec);
  const layers = custom === undefined ? '' : `, activations [${custom.join(', ')}]`;
  const doc = `onegrad SGD step for sizes [${spec.sizes.join(', ')}]${layers}, ${spec.loss} loss, ${spec.dtype}, packed`;
  return toModel(g, `onegrad_step_packed_${specTag(spec)}`, doc);
}
