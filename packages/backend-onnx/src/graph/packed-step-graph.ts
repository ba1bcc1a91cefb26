import { type NetworkSpec, parameterCount } from '@onegrad/core';
import { BATCH } from './elem-type.js';
import { GraphBuilder } from './graph-builder.js';
import { customActivations, specTag, toModel } from './model.js';
import { bias, NAMES, weight } from './names.js';
import type { ModelInit } from './onnx.js';
import { emitStepGradients } from './training-graph.js';

/** Names of the packed step graph's own input and output. */
export const PACKED_NAMES = {
  /** The parameters in the {@link packedLayout}, then the learning rate and the batch size. */
  params: 'params_packed',
  /** The updated parameters in the {@link packedLayout}, then the loss and the batch size. */
  step: 'step_packed',
} as const;

/** Elements of a packed vector after the parameters: the learning rate (the loss coming out), then m. */
export const PACKED_EXTRA = 2;

/** One parameter's place in a packed vector: its name (W1, b1, ...), shape and first element. */
export interface PackedSlot {
  readonly name: string;
  readonly dims: readonly [number, number];
  readonly offset: number;
}

/**
 * The packed layout of the parameters of `sizes`: W1, b1, W2, b2, ... each row-major, one after the
 * other. A packed vector holds {@link PACKED_EXTRA} more elements after them (see {@link PACKED_NAMES}).
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
 * ..., and one output instead of 2L + 2. Split and Reshape unpack {@link PACKED_NAMES.params}; the
 * training graph's forward and backward passes give the gradients; they are flattened and concatenated
 * in the same layout, so one Mul and one Sub update every parameter (element by element the same
 * products and differences as the training graph's per-layer update), and the loss and m are appended
 * ({@link PACKED_NAMES.step}). The batch size comes in as a float too (as the training graph's Cast of
 * X's row count rounds it), so no Shape, Gather and Cast nodes run. onnxruntime-node pays about 2 us
 * per input or output of a `run` whatever its size and about 0.3 us per node, and the caller checks
 * finiteness over the packed elements itself, so the step runs no all_finite nodes either. With the
 * learning rate written over its loss, the output feeds the next step.
 */
export function buildPackedStepModel(spec: NetworkSpec): ModelInit {
  const g = new GraphBuilder(spec.dtype);
  const { sizes } = spec;
  const count = parameterCount(sizes);
  g.input(NAMES.x, [BATCH, sizes[0] as number]);
  g.input(NAMES.y, [BATCH, sizes[sizes.length - 1] as number]);
  g.input(PACKED_NAMES.params, [count + PACKED_EXTRA]);
  const all = 'params_flat';
  const m = 'm';
  const parts = g.int64('params_lr_m', [count, 1, 1], [3]);
  g.node('Split', [PACKED_NAMES.params, parts], [all, NAMES.lr, m], { axis: 0 });
  const slots = packedLayout(sizes);
  const flats = slots.map((s) => `${s.name}_flat`);
  const counts = slots.map((s) => s.dims[0] * s.dims[1]);
  g.node('Split', [all, g.int64('param_counts', counts, [counts.length])], flats, { axis: 0 });
  slots.forEach((s, i) => {
    g.op('Reshape', [flats[i] as string, g.int64(`shape_${s.dims.join('x')}`, [...s.dims], [2])], s.name);
  });
  // m has shape [1], so the loss does too: it broadcasts as a scalar and needs no Reshape to be packed.
  const grads = emitStepGradients(g, spec, false, m);
  const flat = g.int64('flat_shape', [-1], [1]);
  const gradient = g.op(
    'Concat',
    grads.flatMap((d) => [g.op('Reshape', [d.dW, flat]), g.op('Reshape', [d.db, flat])]),
    'gradient_flat',
    { axis: 0 },
  );
  const updated = g.op('Sub', [all, g.op('Mul', [NAMES.lr, gradient])], 'params_next');
  g.op('Concat', [updated, NAMES.loss, m], PACKED_NAMES.step, { axis: 0 });
  g.output(PACKED_NAMES.step, [count + PACKED_EXTRA]);
  const custom = customActivations(spec);
  const layers = custom === undefined ? '' : `, activations [${custom.join(', ')}]`;
  const doc = `onegrad SGD step for sizes [${sizes.join(', ')}]${layers}, ${spec.loss} loss, ${spec.dtype}, packed`;
  return toModel(g, `onegrad_step_packed_${specTag(spec)}`, doc);
}
