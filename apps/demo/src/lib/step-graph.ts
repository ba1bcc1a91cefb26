import {
  type ActivationName,
  activationsOf,
  type DType,
  findActivation,
  findLoss,
  type LossName,
  type NetworkSpec,
} from '@onegrad/core';

/** A node of one step's computational graph: a value (X, Z1, A1, ..., J) or an operation between two. */
export interface StepNode {
  /** Stable id: `X`, `mm1`, `Z1`, `act1`, `A1`, ..., `loss`, `J`. */
  readonly id: string;
  /** A value holds a matrix; an operation maps its input value to its output value. */
  readonly kind: 'value' | 'op';
  /** 1-based layer the node belongs to (0 for X, L + 1 for the loss and J). */
  readonly layer: number;
  /** What the page writes in the node, e.g. `Z2`, `matmul`, `sigmoid`, `bce`. */
  readonly label: string;
}

/** One stop of the step-through: a node, in the forward or the backward pass. */
export interface StepStop {
  readonly node: string;
  readonly pass: 'forward' | 'backward';
}

/** The nodes of the step's graph in forward order: X -> matmul -> Z1 -> activation -> A1 -> ... -> loss -> J. */
export function stepNodes(spec: NetworkSpec): StepNode[] {
  const acts = activationsOf(spec);
  const nodes: StepNode[] = [{ id: 'X', kind: 'value', layer: 0, label: 'X' }];
  acts.forEach((act, i) => {
    const l = i + 1;
    nodes.push(
      { id: `mm${l}`, kind: 'op', layer: l, label: 'matmul' },
      { id: `Z${l}`, kind: 'value', layer: l, label: `Z${l}` },
      { id: `act${l}`, kind: 'op', layer: l, label: act },
      { id: `A${l}`, kind: 'value', layer: l, label: `A${l}` },
    );
  });
  const L = acts.length + 1;
  nodes.push(
    { id: 'loss', kind: 'op', layer: L, label: spec.loss },
    { id: 'J', kind: 'value', layer: L, label: 'J' },
  );
  return nodes;
}

/**
 * The step-through of one step: every node forward, from X to J, then every node backward, from J to
 * the first matmul (X needs no gradient).
 */
export function stepStops(spec: NetworkSpec): StepStop[] {
  const nodes = stepNodes(spec).map((n) => n.id);
  return [
    ...nodes.map((node) => ({ node, pass: 'forward' as const })),
    ...nodes
      .slice(1)
      .reverse()
      .map((node) => ({ node, pass: 'backward' as const })),
  ];
}

/**
 * The activation's local derivative dA/dZ at one element, in `dtype` arithmetic, for the element-wise
 * activations onegrad ships; undefined for a row-wise one (softmax: a Jacobian per row) or an unknown one.
 */
export function slopeAt(name: ActivationName, a: number, z: number, dtype: DType): number | undefined {
  const r = dtype === 'float32' ? Math.fround : (v: number) => v;
  switch (name) {
    case 'sigmoid':
      return r(a * r(1 - a));
    case 'tanh':
      return r(1 - r(a * a));
    case 'relu':
      return z > 0 ? 1 : 0;
    case 'identity':
      return 1;
    default:
      return undefined;
  }
}

/** True when the loss and the output activation are a canonical pair: their local derivatives cancel. */
export function isCanonical(loss: LossName, output: ActivationName): boolean {
  return findLoss(loss)?.canonical?.activation === output;
}

/**
 * The two-line derivation of the output dZ for `loss` after `output` on layer `L`: the loss node's local
 * derivative, then the chain rule through the activation node, and whether the two cancel.
 */
export function derivation(loss: LossName, output: ActivationName, L: number): [string, string] {
  const A = `A${L}`;
  const Z = `Z${L}`;
  const slope = findActivation(output)?.derivative.replace(/^dA\/dZ = /, '') ?? `f'(${Z})`;
  const s = slope.replaceAll('A', A).replaceAll('Z', Z);
  if (loss === 'bce') {
    const line1 = `J = −(Y ln ${A} + (1 − Y) ln(1 − ${A}))  ⇒  dJ/d${A} = −Y/${A} + (1 − Y)/(1 − ${A}) = (${A} − Y) / (${A} (1 − ${A}))`;
    return output === 'sigmoid'
      ? [
          line1,
          `d${Z} = dJ/d${A} · d${A}/d${Z} = (${A} − Y) / (${A} (1 − ${A})) · ${A} (1 − ${A}) = ${A} − Y: the factors cancel`,
        ]
      : [line1, `d${Z} = (${A} − Y) / (${A} (1 − ${A})) · ${s}: nothing cancels`];
  }
  if (loss === 'mse') {
    const line1 = `J = (${A} − Y)²  ⇒  dJ/d${A} = 2 (${A} − Y)`;
    return output === 'identity'
      ? [line1, `d${Z} = dJ/d${A} · d${A}/d${Z} = 2 (${A} − Y) · 1 = 2 (${A} − Y): the identity's slope is 1`]
      : [
          line1,
          `d${Z} = dJ/d${A} · d${A}/d${Z} = 2 (${A} − Y) · ${s}: nothing cancels, and ${s} → 0 as ${A} saturates`,
        ];
  }
  if (loss === 'cce') {
    const line1 = `J = −Σₖ Yₖ ln ${A}ₖ  ⇒  dJ/d${A}ₖ = −Yₖ / ${A}ₖ`;
    return output === 'softmax'
      ? [
          line1,
          `d${Z} = ${A} ⊙ (dJ/d${A} − Σⱼ ${A}ⱼ dJ/d${A}ⱼ) = ${A} ⊙ (−Y/${A} + 1) = ${A} − Y: the Jacobian cancels (Σ Y = 1)`,
        ]
      : [line1, `d${Z} = dJ/d${A} · ${s}: nothing cancels`];
  }
  const d = findLoss(loss);
  return [`J = mean of ${d?.formula ?? loss}  ⇒  ${d?.gradA ?? 'dJ/dA'}`, `d${Z} = dJ/d${A} · ${s}`];
}
