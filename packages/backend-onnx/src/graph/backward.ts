import type { NetworkEmitters, OnnxActivationEmitter } from './emitters.js';
import type { ForwardValues } from './forward.js';
import type { GraphBuilder } from './graph-builder.js';
import { emitOutputGrads } from './loss.js';
import { traced, weight } from './names.js';

/** The gradients of one layer, as value names of the graph. */
export interface LayerGradValues {
  /** dA_l per sample, when the graph computes it (a fused output dA only when tracing). */
  readonly dA: string | undefined;
  /** dZ_l per sample. */
  readonly dZ: string;
  /** dW_l = (1/m) A_{l-1}^T dZ_l. */
  readonly dW: string;
  /** db_l = (1/m) column sums of dZ_l. */
  readonly db: string;
}

/** What the backward pass needs from the rest of the graph. */
export interface BackwardInputs {
  readonly x: string;
  readonly y: string;
  /** The batch size m as a float scalar. */
  readonly m: string;
  readonly forward: readonly ForwardValues[];
  /** The spec's activation and loss emitters. */
  readonly emitters: NetworkEmitters;
  /** Emit the unfused output dA even where the loss fuses dZ (the trace reports it). */
  readonly unfusedOutputDA: boolean;
}

/**
 * Emits reverse-mode gradients layer by layer, output first: the loss gives dA_L and dZ_L, then
 * dW_l = Gemm(A_{l-1}^T, dZ_l) / m, db_l = ReduceSum_rows(dZ_l) / m, dA_{l-1} = Gemm(dZ_l, W_l^T)
 * and dZ_{l-1} = dA_{l-1} * f'_{l-1}(Z_{l-1}) by the layer's activation. Returns layer 1 first.
 */
export function emitBackward(g: GraphBuilder, inputs: BackwardInputs): LayerGradValues[] {
  const { forward, emitters, m } = inputs;
  const L = forward.length;
  const output = emitOutputGrads(
    g,
    emitters,
    forward[L - 1] as ForwardValues,
    inputs.y,
    inputs.unfusedOutputDA,
    {
      dA: traced('dA', L),
      dZ: traced('dZ', L),
    },
  );
  let { dA, dZ } = output;
  const grads: LayerGradValues[] = [];
  for (let l = L; l >= 1; l--) {
    const aPrev = l === 1 ? inputs.x : (forward[l - 2] as ForwardValues).a;
    const product = g.op('Gemm', [aPrev, dZ], undefined, { transA: 1 });
    const dW = g.op('Div', [product, m], traced('dW', l));
    const columnSums = g.op('ReduceSum', [dZ, g.int64('batch_axis', [0], [1])], undefined, { keepdims: 1 });
    const db = g.op('Div', [columnSums, m], traced('db', l));
    grads.unshift({ dA, dZ, dW, db });
    if (l === 1) break;
    // dA of the layer below: each sample's dZ pulled back through W_l.
    dA = g.op('Gemm', [dZ, weight(l)], traced('dA', l - 1), { transB: 1 });
    const below = forward[l - 2] as ForwardValues;
    const activation = emitters.activations[l - 2] as OnnxActivationEmitter;
    dZ = activation.backward(g, dA, below.z, below.a, traced('dZ', l - 1));
  }
  return grads;
}
