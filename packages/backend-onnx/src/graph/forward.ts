import type { NetworkSpec } from '@onegrad/core';
import type { GraphBuilder } from './graph-builder.js';
import { bias, traced, weight } from './names.js';
import { emitSigmoid } from './sigmoid.js';

/** Z and A of one layer, as value names of the graph. */
export interface ForwardValues {
  /** Z_l = A_{l-1} W_l + b_l. */
  readonly z: string;
  /** A_l = sigmoid(Z_l). */
  readonly a: string;
}

/**
 * Emits Z_l = A_{l-1} W_l + b_l and A_l = sigmoid(Z_l) for every layer, from the graph value `x`
 * and the parameters named W1, b1, ... Returns the values of layer 1 first.
 */
export function emitForward(g: GraphBuilder, spec: NetworkSpec, x: string): ForwardValues[] {
  const layers: ForwardValues[] = [];
  let aPrev = x;
  for (let l = 1; l < spec.sizes.length; l++) {
    // MatMul then Add (not Gemm) keeps Z a named value of its own, as the trace reports it.
    const product = g.op('MatMul', [aPrev, weight(l)]);
    const z = g.op('Add', [product, bias(l)], traced('Z', l));
    const a = emitSigmoid(g, z, traced('A', l));
    layers.push({ z, a });
    aPrev = a;
  }
  return layers;
}
