import type { OnnxActivationEmitter } from './emitters.js';
import type { GraphBuilder } from './graph-builder.js';
import { bias, traced, weight } from './names.js';

/** Z and A of one layer, as value names of the graph. */
export interface ForwardValues {
  /** Z_l = A_{l-1} W_l + b_l. */
  readonly z: string;
  /** A_l = f_l(Z_l). */
  readonly a: string;
}

/**
 * Emits Z_l = A_{l-1} W_l + b_l and A_l = f_l(Z_l) for every layer, with f_l from `activations`
 * (layer 1 first), from the graph value `x` and the parameters named W1, b1, ... Returns the values
 * of layer 1 first.
 */
export function emitForward(
  g: GraphBuilder,
  activations: readonly OnnxActivationEmitter[],
  x: string,
): ForwardValues[] {
  const layers: ForwardValues[] = [];
  let aPrev = x;
  activations.forEach((activation, i) => {
    const l = i + 1;
    // MatMul then Add (not Gemm) keeps Z a named value of its own, as the trace reports it.
    const product = g.op('MatMul', [aPrev, weight(l)]);
    const z = g.op('Add', [product, bias(l)], traced('Z', l));
    const a = activation.forward(g, z, traced('A', l));
    layers.push({ z, a });
    aPrev = a;
  });
  return layers;
}
