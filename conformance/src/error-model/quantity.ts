import { QUANTITIES, type Quantity } from '@onegrad/core';

export { QUANTITIES, type Quantity };

/** Worst ratio per quantity. */
export type WorstRatios = Record<Quantity, number>;

/** All quantities at ratio 0 (nothing measured yet). */
export function emptyWorst(): WorstRatios {
  return Object.fromEntries(QUANTITIES.map((q) => [q, 0])) as WorstRatios;
}
