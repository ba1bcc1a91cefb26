import { type LayerQuantity, quantityName } from '@onegrad/core';

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
export const weight = (l: number): string => quantityName('W', l);
/** Bias row of layer `l`. */
export const bias = (l: number): string => quantityName('b', l);
/** Updated weight matrix of layer `l`, an output of the training graph. */
export const nextWeight = (l: number): string => `${weight(l)}_next`;
/** Updated bias row of layer `l`. */
export const nextBias = (l: number): string => `${bias(l)}_next`;

/** The graph value of per-layer intermediate `q` of layer `l`, named as core names it: Z1, dA2, ... */
export const traced = (q: LayerQuantity, l: number): string => quantityName(q, l);
