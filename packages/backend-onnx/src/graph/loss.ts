import type { NetworkEmitters, OnnxActivationEmitter } from './emitters.js';
import type { ForwardValues } from './forward.js';
import type { GraphBuilder } from './graph-builder.js';

/** The output layer's gradients, as value names of the graph. */
export interface OutputGradValues {
  /** The unfused dA_L = dl/dA per sample, when the graph computes it. */
  readonly dA: string | undefined;
  /** dZ_L: the loss's fused form for a canonical pair, else dA_L through the output activation. */
  readonly dZ: string;
}

/**
 * Emits the output layer's dA and dZ as `names`. A canonical pair computes dZ directly and forms the
 * unfused dA only when `unfusedDA` asks for it (the trace reports it); otherwise dZ = dA * f'(Z).
 */
export function emitOutputGrads(
  g: GraphBuilder,
  emitters: NetworkEmitters,
  output: ForwardValues,
  y: string,
  unfusedDA: boolean,
  names: { readonly dA: string; readonly dZ: string },
): OutputGradValues {
  const { loss, activations } = emitters;
  const a = output.a;
  if (emitters.fused) {
    // emittersOf has checked that a loss with a canonical pair emits its fused dZ.
    const fusedGradZ = loss.fusedGradZ as NonNullable<typeof loss.fusedGradZ>;
    const dA = unfusedDA ? loss.gradA(g, a, y, names.dA) : undefined;
    return { dA, dZ: fusedGradZ(g, a, y, names.dZ) };
  }
  const dA = loss.gradA(g, a, y, names.dA);
  const activation = activations[activations.length - 1] as OnnxActivationEmitter;
  return { dA, dZ: activation.backward(g, dA, output.z, a, names.dZ) };
}

/** Emits J = (1/m) * the sum of the loss terms over every sample (and output), as a scalar. */
export function emitCost(g: GraphBuilder, terms: string, m: string, out: string): string {
  const total = g.op('ReduceSum', [terms], undefined, { keepdims: 0 });
  return g.op('Div', [total, m], out);
}
