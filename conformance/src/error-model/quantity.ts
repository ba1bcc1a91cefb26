/** The quantities of a step the suite measures, in report order. */
export const QUANTITIES = ['Z', 'A', 'loss', 'dA', 'dZ', 'dW', 'db', 'W', 'b'] as const;

/** One measured quantity: the per-layer intermediates, the cost, and the updated parameters. */
export type Quantity = (typeof QUANTITIES)[number];

/** Worst ratio per quantity. */
export type WorstRatios = Record<Quantity, number>;

/** All quantities at ratio 0 (nothing measured yet). */
export function emptyWorst(): WorstRatios {
  return Object.fromEntries(QUANTITIES.map((q) => [q, 0])) as WorstRatios;
}
