import { lossOf, type NetworkSpec } from './network-spec.js';

/** How many times its baseline a cost must exceed for the step to be flagged as diverging. */
export const DIVERGENCE_FACTOR = 1000;

/**
 * The cost of an untrained guess, from the loss's descriptor: nL ln 2 for bce (a = 1/2), nL / 4 for mse,
 * ln nL for cce (a uniform row). It keeps a first cost near 0 (an easy first batch, trained
 * parameters) from making ordinary costs look explosive.
 */
export function chanceCost(spec: NetworkSpec): number {
  return lossOf(spec).chanceCost(spec.sizes[spec.sizes.length - 1] as number);
}

/**
 * Watches the costs of one session: a step is diverging when its cost exceeds DIVERGENCE_FACTOR times
 * the larger of the chance cost and the first cost since the session started or its parameters were
 * set. A finite cost can grow without bound (bce or cce from the logits with exploding weights, mse
 * after an unbounded activation), so the step reports it. After a sigmoid the mse cost never exceeds
 * nL, so such training is never flagged: its failure mode is saturation, where gradients vanish.
 */
export class LossWatch {
  private baseline: number | undefined;

  constructor(private readonly chance: number) {}

  /** Forgets the first cost, e.g. after new parameters were set. */
  reset(): void {
    this.baseline = undefined;
  }

  /** Records the cost of an applied step; true when it exceeds DIVERGENCE_FACTOR times the baseline. */
  observe(loss: number): boolean {
    this.baseline ??= Math.max(loss, this.chance);
    return loss > DIVERGENCE_FACTOR * this.baseline;
  }
}
