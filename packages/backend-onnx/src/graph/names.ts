/**
 * Names of the graph's inputs and outputs. Layers count from 1 as in the math (W1 is layer 1's
 * weight matrix), so a graph opened in a viewer reads like the derivation.
 */
export const NAMES = {
  /** Inputs, batch x n0. */
  x: 'X',
  /** Targets, batch x nL. */
  y: 'Y',
  /** The SGD learning rate, a scalar. */
  lr: 'lr',
  /** The cost J before the update, a scalar. */
  loss: 'loss',
  /** True when the loss and every updated parameter are finite. */
  finite: 'all_finite',
  /** Output probabilities A_L of the inference graph, batch x nL. */
  probabilities: 'probabilities',
} as const;

/** Weight matrix of layer `l` (1-based). */
export const weight = (l: number): string => `W${l}`;
/** Bias row of layer `l`. */
export const bias = (l: number): string => `b${l}`;
/** Updated weight matrix of layer `l`, an output of the training graph. */
export const nextWeight = (l: number): string => `W${l}_next`;
/** Updated bias row of layer `l`. */
export const nextBias = (l: number): string => `b${l}_next`;

/** Per-layer intermediates the training graph computes, named `<key><l>` (Z1, dA2, ...). */
export const TRACE_KEYS = ['Z', 'A', 'dA', 'dZ', 'dW', 'db'] as const;

/** One of {@link TRACE_KEYS}. */
export type TraceKey = (typeof TRACE_KEYS)[number];

/** The name of intermediate `key` of layer `l`, e.g. `dZ2`. */
export const traced = (key: TraceKey, l: number): string => `${key}${l}`;
