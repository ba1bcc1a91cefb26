/** How many times the first step's cost a later cost must exceed for the step to be flagged as diverging. */
export const DIVERGENCE_FACTOR = 1000;

/**
 * Watches the costs of one session: a step is diverging when its cost exceeds DIVERGENCE_FACTOR times
 * the cost of the first step since the session started or its parameters were set. A finite cost can
 * grow without bound (BCE from logits with exploding weights), so this is what the step reports.
 */
export class LossWatch {
  private first: number | undefined;

  /** Forgets the first cost, e.g. after new parameters were set. */
  reset(): void {
    this.first = undefined;
  }

  /** Records a step's cost; true when it is more than DIVERGENCE_FACTOR times the first one. */
  observe(loss: number): boolean {
    if (this.first === undefined) {
      this.first = loss;
      return false;
    }
    return this.first > 0 && loss > DIVERGENCE_FACTOR * this.first;
  }
}
