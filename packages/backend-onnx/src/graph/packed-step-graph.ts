import { type NetworkSpec, parameterCount } from '@onegrad/core';
import { BATCH } from './elem-type.js';
import { GraphBuilder } from './graph-builder.js';
import { customActivations, specTag, toModel } from './model.js';
import { bias, NAMES, nextBias, nextWeight, weight } from './names.js';
import type { ModelInit } from './onnx.js';
import { emitStepValues } from './training-graph.js';

/** Names of the packed step graph's own input and output. */
export const PACKED_NAMES = {
  /** The parameters in the {@link packedLayout}, the learning rate in its last element. */
  params: 'params_packed',
  /** The updated parameters in the {@link packedLayout}, the loss in its last element. */
  step: 'step_packed',
} as const;

/** One parameter's place in a packed vector: its name (W1, b1, ...), shape and first element. */
export interface PackedSlot {
  readonly name: string;
  readonly dims: readonly [number, number];
  readonly offset: number;
}

/**
 * The packed layout of the parameters of `sizes`: W1, b1, W2, b2, ... each row-major, one after the
 * other, then one more element (the learning rate of a step's input, the loss of its output). Its
 * length is the parameter count + 1.
 */
export function packedLayout(sizes: readonly number[]): PackedSlot[] {
  const slots: PackedSlot[] = [];
  let offset = 0;
  for (let l = 1; l < sizes.length; l++) {
    const [k, n] = [sizes[l - 1] as number, sizes[l] as number];
    slots.push(
      { name: weight(l), dims: [k, n], offset },
      { name: bias(l), dims: [1, n], offset: offset + k * n },
    );
    offset += k * n + n;
  }
  return slots;
}

/**
 * The untraced SGD step of `spec` with inputs X, Y and one packed vector instead of X, Y, lr, W1, b1,
 * ..., and one output instead of 2L + 2: Split and Reshape unpack {@link PACKED_NAMES.params}, then the
 * training graph's step up to the update (lr of shape [1] broadcasts as a scalar does), then every
 * updated parameter and the loss are flattened into {@link PACKED_NAMES.step} (Split, Reshape and
 * Concat copy the bits). onnxruntime-node pays about 2 us per input or output of a `run` whatever its
 * size, and the caller checks finiteness over the packed elements itself, so the step runs no
 * all_finite nodes either. With the learning rate written over its loss, the output feeds the next step.
 */
export function buildPackedStepModel(spec: NetworkSpec): ModelInit {
  const g = new GraphBuilder(spec.dtype);
  const { sizes } = spec;
  const length = parameterCount(sizes) + 1;
  g.input(NAMES.x, [BATCH, sizes[0] as number]);
  g.input(NAMES.y, [BATCH, sizes[sizes.length - 1] as number]);
  g.input(PACKED_NAMES.params, [length]);
  const slots = packedLayout(sizes);
  const counts = [...slots.map((s) => s.dims[0] * s.dims[1]), 1];
  const flats = [...slots.map((s) => `${s.name}_flat`), NAMES.lr];
  g.node('Split', [PACKED_NAMES.params, g.int64('packed_counts', counts, [counts.length])], flats, {
    axis: 0,
  });
  slots.forEach((s, i) => {
    g.op('Reshape', [flats[i] as string, g.int64(`shape_${s.dims.join('x')}`, [...s.dims], [2])], s.name);
  });
  emitStepValues(g, spec, false);
  const flat = g.int64('flat_shape', [-1], [1]);
  const parts: string[] = [];
  for (let l = 1; l < sizes.length; l++) {
    parts.push(g.op('Reshape', [nextWeight(l), flat]), g.op('Reshape', [nextBias(l), flat]));
  }
  parts.push(g.op('Reshape', [NAMES.loss, flat]));
  g.op('Concat', parts, PACKED_NAMES.step, { axis: 0 });
  g.output(PACKED_NAMES.step, [length]);
  const custom = customActivations(spec);
  const layers = custom === undefined ? '' : `, activations [${custom.join(', ')}]`;
  const doc = `onegrad SGD step for sizes [${sizes.join(', ')}]${layers}, ${spec.loss} loss, ${spec.dtype}, packed`;
  return toModel(g, `onegrad_step_packed_${specTag(spec)}`, doc);
}
