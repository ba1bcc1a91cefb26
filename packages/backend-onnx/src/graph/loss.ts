import type { LossName } from '@onegrad/core';
import type { GraphBuilder } from './graph-builder.js';
import { emitLog1p } from './log1p.js';

/** The loss nodes of the output layer, over graph value names (core's `Loss<string>` in spirit). */
export interface GraphLoss {
  /** True when the output dZ is the fused `A - Y` (bce). */
  readonly fused: boolean;
  /** Per-element loss l(z, a, y), batch x nL. */
  elementwise(z: string, a: string, y: string): string;
  /** Unfused dA = dl/da per sample (no 1/m); for bce not finite where a is exactly 0 or 1. */
  gradA(a: string, y: string, out?: string): string;
  /** Output dZ: bce fused a - y; mse dA * a (1 - a). */
  gradZ(a: string, y: string, dA: string | undefined, out?: string): string;
}

/** Emits a (1 - a), the sigmoid's local derivative written in its output. */
export function emitSigmoidSlope(g: GraphBuilder, a: string): string {
  return g.op('Mul', [a, g.op('Sub', [g.scalar(1, 'one'), a])]);
}

function bce(g: GraphBuilder): GraphLoss {
  return {
    fused: true,
    // max(z, 0) - z y + log1p(exp(-|z|)): finite and accurate even where sigmoid(z) rounds to 0 or 1.
    elementwise: (z, _a, y) => {
      const softplusTail = emitLog1p(g, g.op('Exp', [g.op('Neg', [g.op('Abs', [z])])]));
      return g.op('Add', [g.op('Sub', [g.op('Relu', [z]), g.op('Mul', [z, y])]), softplusTail]);
    },
    gradA: (a, y, out) => g.op('Div', [g.op('Sub', [a, y]), emitSigmoidSlope(g, a)], out),
    gradZ: (a, y, _dA, out) => g.op('Sub', [a, y], out),
  };
}

function mse(g: GraphBuilder): GraphLoss {
  const gradA = (a: string, y: string, out?: string): string =>
    g.op('Mul', [g.scalar(2, 'two'), g.op('Sub', [a, y])], out);
  return {
    fused: false,
    elementwise: (_z, a, y) => {
      const d = g.op('Sub', [a, y]);
      return g.op('Mul', [d, d]);
    },
    gradA,
    gradZ: (a, y, dA, out) => g.op('Mul', [dA ?? gradA(a, y), emitSigmoidSlope(g, a)], out),
  };
}

/** The graph form of loss `name`. */
export function graphLoss(g: GraphBuilder, name: LossName): GraphLoss {
  return name === 'bce' ? bce(g) : mse(g);
}

/** Emits J = (1/m) * the sum of `elementwise` over every sample and output, as a scalar. */
export function emitCost(g: GraphBuilder, elementwise: string, m: string, out: string): string {
  const total = g.op('ReduceSum', [elementwise], undefined, { keepdims: 0 });
  return g.op('Div', [total, m], out);
}
