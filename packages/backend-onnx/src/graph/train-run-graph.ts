import type { NetworkSpec } from '@onegrad/core';
import { BATCH } from './elem-type.js';
import { GraphBuilder } from './graph-builder.js';
import { customActivations, specTag, toModel } from './model.js';
import { bias, NAMES, nextBias, nextWeight, weight } from './names.js';
import { type GraphInit, type ModelInit, onnx } from './onnx.js';
import { emitStep } from './training-graph.js';

const INT64 = onnx.TensorProto.DataType.INT64;
const BOOL = onnx.TensorProto.DataType.BOOL;

/** Names of the run graph's own inputs and outputs; X, Y and lr are the step graph's. */
export const RUN_NAMES = {
  /** The most steps to take, an int64 scalar (Loop's trip count). */
  steps: 'steps',
  /** True, a bool scalar: Loop's first condition. */
  go: 'go',
  /** The cost before each step taken, a 1-D tensor: one per step, the refused one's last. */
  losses: 'losses',
  /** True when every step taken was finite: false when the last one was refused. */
  ok: 'ok',
} as const;

/** Layer `l`'s weight matrix fed to the run. */
export const startWeight = (l: number): string => `${weight(l)}_start`;
/** Layer `l`'s bias row fed to the run. */
export const startBias = (l: number): string => `${bias(l)}_start`;
/** Layer `l`'s weight matrix after the last good step of the run. */
export const trainedWeight = (l: number): string => `${weight(l)}_trained`;
/** Layer `l`'s bias row after the last good step of the run. */
export const trainedBias = (l: number): string => `${bias(l)}_trained`;

/** Loop-carried parameters: what the body reads (W1, ...) and hands to the next iteration. */
const keptWeight = (l: number): string => `${weight(l)}_kept`;
const keptBias = (l: number): string => `${bias(l)}_kept`;

/**
 * The body of the run: one step of the training graph, then each parameter becomes its candidate
 * where the step is finite and stays itself where it is not (Where selects, so the bits are the
 * candidate's or the old ones'). all_finite is the loop's next condition: a refused step ends it.
 */
function stepBody(spec: NetworkSpec): GraphInit {
  const g = new GraphBuilder(spec.dtype, 'body_t');
  const sizes = spec.sizes;
  const L = sizes.length - 1;
  g.input('iteration', [], INT64);
  g.input('cond_in', [], BOOL);
  g.input('ok_in', [], BOOL);
  for (let l = 1; l <= L; l++) {
    g.input(weight(l), [sizes[l - 1] as number, sizes[l] as number]);
    g.input(bias(l), [1, sizes[l] as number]);
  }
  emitStep(g, spec, false);
  g.op('Identity', [NAMES.finite], 'cond_out');
  g.op('Identity', [NAMES.finite], 'ok_out');
  for (let l = 1; l <= L; l++) {
    g.op('Where', [NAMES.finite, nextWeight(l), weight(l)], keptWeight(l));
    g.op('Where', [NAMES.finite, nextBias(l), bias(l)], keptBias(l));
  }
  g.output('cond_out', [], BOOL);
  g.output('ok_out', [], BOOL);
  for (let l = 1; l <= L; l++) {
    g.output(keptWeight(l), [sizes[l - 1] as number, sizes[l] as number]);
    g.output(keptBias(l), [1, sizes[l] as number]);
  }
  g.output(NAMES.loss, []);
  return g.graph('step', `one SGD step of ${specTag(spec)}`);
}

/**
 * Up to `steps` SGD steps of `spec` on one batch as one ONNX model: a Loop over the training graph's
 * step, which stops after the first step whose loss or update is not finite. Inputs X, Y, lr, steps,
 * go, W1_start, b1_start, ...; outputs losses, ok, W1_trained, b1_trained, ... (the parameters after
 * the last good step). One `run` takes every step, so the runtime's per-run cost is paid once.
 */
export function buildTrainRunModel(spec: NetworkSpec): ModelInit {
  const g = new GraphBuilder(spec.dtype, 'run_t');
  const sizes = spec.sizes;
  const L = sizes.length - 1;
  g.input(NAMES.x, [BATCH, sizes[0] as number]);
  g.input(NAMES.y, [BATCH, sizes[L] as number]);
  g.input(NAMES.lr, []);
  g.input(RUN_NAMES.steps, [], INT64);
  g.input(RUN_NAMES.go, [], BOOL);
  const carried: string[] = [RUN_NAMES.go];
  const results: string[] = [RUN_NAMES.ok];
  for (let l = 1; l <= L; l++) {
    g.input(startWeight(l), [sizes[l - 1] as number, sizes[l] as number]);
    g.input(startBias(l), [1, sizes[l] as number]);
    carried.push(startWeight(l), startBias(l));
    results.push(trainedWeight(l), trainedBias(l));
  }
  g.node('Loop', [RUN_NAMES.steps, RUN_NAMES.go, ...carried], [...results, RUN_NAMES.losses], {
    body: stepBody(spec),
  });
  g.output(RUN_NAMES.ok, [], BOOL);
  for (let l = 1; l <= L; l++) {
    g.output(trainedWeight(l), [sizes[l - 1] as number, sizes[l] as number]);
    g.output(trainedBias(l), [1, sizes[l] as number]);
  }
  g.output(RUN_NAMES.losses, ['taken']);
  const custom = customActivations(spec);
  const layers = custom === undefined ? '' : `, activations [${custom.join(', ')}]`;
  const doc = `onegrad SGD steps for sizes [${sizes.join(', ')}]${layers}, ${spec.loss} loss, ${spec.dtype}`;
  return toModel(g, `onegrad_run_${specTag(spec)}`, doc);
}
