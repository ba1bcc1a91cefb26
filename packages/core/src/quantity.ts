/**
 * The names of a step's quantities, fixed once. Per layer l: Z_l, A_l, dA_l, dZ_l, dW_l, db_l; per step
 * the cost J (`loss`); and the updated parameters W_l, b_l. Trace layouts, engine graph names (`dZ2`),
 * conformance's report columns and data files all derive from these lists.
 */

/** Per-layer intermediates of a step, as the maths names them, forward first. */
export const LAYER_QUANTITIES = ['Z', 'A', 'dA', 'dZ', 'dW', 'db'] as const;

/** One per-layer intermediate. */
export type LayerQuantity = (typeof LAYER_QUANTITIES)[number];

/** The parameters of a layer, as updated by the step. */
export const PARAM_QUANTITIES = ['W', 'b'] as const;

/** One parameter of a layer. */
export type ParamQuantity = (typeof PARAM_QUANTITIES)[number];

/** Every quantity of a step in report order: forward, cost, backward, update. */
export const QUANTITIES = ['Z', 'A', 'loss', 'dA', 'dZ', 'dW', 'db', 'W', 'b'] as const;

/** One quantity of a step. */
export type Quantity = (typeof QUANTITIES)[number];

/** The key of each per-layer quantity in {@link LayerTrace} (`z` and `a` are lower-case there). */
export const TRACE_KEYS = { Z: 'z', A: 'a', dA: 'dA', dZ: 'dZ', dW: 'dW', db: 'db' } as const;

/** An engine-neutral name for quantity `q` of layer `l` (1-based, as in the maths): `dZ2`, `W1`. */
export function quantityName(q: LayerQuantity | ParamQuantity, l: number): string {
  return `${q}${l}`;
}
