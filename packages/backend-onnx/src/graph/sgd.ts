import type { NetworkSpec } from '@onegrad/core';
import type { LayerGradValues } from './backward.js';
import type { GraphBuilder } from './graph-builder.js';
import { bias, nextBias, nextWeight, weight } from './names.js';

/** Emits W_l - lr dW_l and b_l - lr db_l for every layer as W<l>_next and b<l>_next. */
export function emitSgd(
  g: GraphBuilder,
  spec: NetworkSpec,
  lr: string,
  grads: readonly LayerGradValues[],
): void {
  for (let l = 1; l < spec.sizes.length; l++) {
    const grad = grads[l - 1] as LayerGradValues;
    g.op('Sub', [weight(l), g.op('Mul', [lr, grad.dW])], nextWeight(l));
    g.op('Sub', [bias(l), g.op('Mul', [lr, grad.db])], nextBias(l));
  }
}
