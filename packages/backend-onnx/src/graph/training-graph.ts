import { LAYER_QUANTITIES, type LayerQuantity, type NetworkSpec } from '@onegrad/core';
import { emitBackward, type LayerGradValues } from './backward.js';
import { emitBatchSize } from './batch-size.js';
import { BATCH } from './elem-type.js';
import { emittersOf } from './emitters.js';
import { emitAllFinite } from './finite-flag.js';
import { emitForward } from './forward.js';
import { GraphBuilder } from './graph-builder.js';
import { emitCost } from './loss.js';
import { customActivations, specTag, toModel } from './model.js';
import { bias, NAMES, nextBias, nextWeight, traced, weight } from './names.js';
import { type ModelInit, onnx } from './onnx.js';
import { emitSgd } from './sgd.js';
import type { TrainingGraphOptions } from './training-graph-options.js';

/** Declares X, Y, lr and the parameters as graph inputs. */
function declareInputs(g: GraphBuilder, spec: NetworkSpec): void {
  const sizes = spec.sizes;
  g.input(NAMES.x, [BATCH, sizes[0] as number]);
  g.input(NAMES.y, [BATCH, sizes[sizes.length - 1] as number]);
  g.input(NAMES.lr, []);
  for (let l = 1; l < sizes.length; l++) {
    g.input(weight(l), [sizes[l - 1] as number, sizes[l] as number]);
    g.input(bias(l), [1, sizes[l] as number]);
  }
}

/** Shape of intermediate `q` of layer `l`. */
function traceDims(spec: NetworkSpec, q: LayerQuantity, l: number): (number | string)[] {
  const n = spec.sizes[l] as number;
  if (q === 'dW') return [spec.sizes[l - 1] as number, n];
  return q === 'db' ? [1, n] : [BATCH, n];
}

/**
 * Emits one SGD step from X, Y, lr and the parameters W1, b1, ... (inputs of `g` or of its outer
 * graph): loss, all_finite, W1_next, b1_next, ... and, with `trace`, every intermediate.
 */
export function emitStep(g: GraphBuilder, spec: NetworkSpec, trace: boolean): void {
  emitStepValues(g, spec, trace);
  const L = spec.sizes.length - 1;
  const updated = Array.from({ length: L }, (_, i) => [nextWeight(i + 1), nextBias(i + 1)]).flat();
  emitAllFinite(g, [NAMES.loss], updated, NAMES.finite);
}

/** Emits {@link emitStep} without all_finite: loss, W1_next, b1_next, ... and, with `trace`, every intermediate. */
export function emitStepValues(g: GraphBuilder, spec: NetworkSpec, trace: boolean): void {
  emitSgd(g, spec, NAMES.lr, emitStepGradients(g, spec, trace));
}

/**
 * Emits the forward pass, the loss and the backward pass: the gradients of every layer, layer 1 first.
 * The batch size m is read from X's shape unless `batchSize` names a float value holding it.
 */
export function emitStepGradients(
  g: GraphBuilder,
  spec: NetworkSpec,
  trace: boolean,
  batchSize?: string,
): LayerGradValues[] {
  const emitters = emittersOf(spec);
  const L = spec.sizes.length - 1;
  const forward = emitForward(g, emitters.activations, NAMES.x);
  const output = forward[L - 1] as (typeof forward)[number];
  const m = batchSize ?? emitBatchSize(g, NAMES.x);
  emitCost(g, emitters.loss.costTerms(g, output.z, output.a, NAMES.y), m, NAMES.loss);
  return emitBackward(g, { x: NAMES.x, y: NAMES.y, m, forward, emitters, unfusedOutputDA: trace });
}

/**
 * The whole SGD step of `spec` as one ONNX model: forward, loss, backward and update. Inputs X, Y, lr,
 * W1, b1, ...; outputs loss, all_finite, W1_next, b1_next, ... and, with `trace`, Z1, A1, dA1, dZ1,
 * dW1, db1, ... for every layer.
 */
export function buildTrainingModel(spec: NetworkSpec, options: TrainingGraphOptions = {}): ModelInit {
  const g = new GraphBuilder(spec.dtype);
  declareInputs(g, spec);
  const L = spec.sizes.length - 1;
  const trace = options.trace === true;
  emitStep(g, spec, trace);

  g.output(NAMES.loss, []);
  g.output(NAMES.finite, [], onnx.TensorProto.DataType.BOOL);
  for (let l = 1; l <= L; l++) {
    g.output(nextWeight(l), [spec.sizes[l - 1] as number, spec.sizes[l] as number]);
    g.output(nextBias(l), [1, spec.sizes[l] as number]);
  }
  if (trace) {
    for (let l = 1; l <= L; l++)
      for (const q of LAYER_QUANTITIES) g.output(traced(q, l), traceDims(spec, q, l));
  }
  const custom = customActivations(spec);
  const layers = custom === undefined ? '' : `, activations [${custom.join(', ')}]`;
  const doc = `onegrad SGD step for sizes [${spec.sizes.join(', ')}]${layers}, ${spec.loss} loss, ${spec.dtype}`;
  return toModel(g, `onegrad_train_${specTag(spec)}${trace ? '_trace' : ''}`, doc);
}
