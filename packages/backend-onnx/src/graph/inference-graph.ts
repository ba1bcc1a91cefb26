import type { NetworkSpec, Params } from '@onegrad/core';
import { BATCH } from './elem-type.js';
import { activationEmittersOf } from './emitters.js';
import { emitForward } from './forward.js';
import { GraphBuilder } from './graph-builder.js';
import { activationLabel, specTag, toModel } from './model.js';
import { bias, NAMES, weight } from './names.js';
import type { ModelInit } from './onnx.js';

/**
 * The forward pass X -> A_L of `spec`, output `probabilities`. With `params`, the parameters are baked in as
 * initializers (a standalone model any ONNX runtime can load); without, they are graph inputs W1,
 * b1, ... so one compiled session serves every parameter value.
 */
export function buildInferenceModel(spec: NetworkSpec, params?: Params): ModelInit {
  const activations = activationEmittersOf(spec);
  const g = new GraphBuilder(spec.dtype);
  const sizes = spec.sizes;
  const L = sizes.length - 1;
  g.input(NAMES.x, [BATCH, sizes[0] as number]);
  for (let l = 1; l <= L; l++) {
    const dimsW = [sizes[l - 1] as number, sizes[l] as number];
    const dimsB = [1, sizes[l] as number];
    const p = params?.[l - 1];
    if (p) {
      g.initializer(weight(l), p.W.data, dimsW);
      g.initializer(bias(l), p.b.data, dimsB);
    } else {
      g.input(weight(l), dimsW);
      g.input(bias(l), dimsB);
    }
  }
  const forward = emitForward(g, activations, NAMES.x);
  const last = forward[L - 1] as (typeof forward)[number];
  g.op('Identity', [last.a], NAMES.probabilities);
  g.output(NAMES.probabilities, [BATCH, sizes[L] as number]);
  const doc = `onegrad ${activationLabel(spec)} MLP [${sizes.join(', ')}] (${spec.dtype}): X (batch x ${sizes[0]}) -> probabilities`;
  return toModel(g, `onegrad_forward_${specTag(spec)}`, doc);
}
