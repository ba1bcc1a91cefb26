import type { LossName } from './network-spec.js';

/**
 * @deprecated 0.1's loss on a sigmoid output; engines now register a kernel per loss of core's registry.
 * A loss on the sigmoid output layer, over tensors of type `T` (a Matrix, a tf.Tensor, an ONNX value
 * name). Per element, with a = sigmoid(z):
 *
 *   bce: l(a, y) = -(y ln a + (1 - y) ln(1 - a)),  computed from z as max(z, 0) - z y + log1p(exp(-|z|))
 *   mse: l(a, y) = (a - y)^2                        (no 1/2 factor)
 *
 * The cost is J = (1/m) * sum over the m samples of the sum over the outputs of l.
 */
export interface Loss<T> {
  /** Which loss this is. */
  readonly name: LossName;
  /** True when dZ of the output layer has a fused form that never divides by a(1 - a). */
  readonly fused: boolean;
  /** The cost J, a scalar, from the output pre-activation z, activation a and target y. */
  cost(z: T, a: T, y: T): T;
  /**
   * The unfused per-sample gradient dA = dl/da (no 1/m): bce (a - y) / (a (1 - a)), mse 2 (a - y).
   * For bce it is not finite where a saturates to exactly 0 or 1.
   */
  gradA(a: T, y: T): T;
  /**
   * dZ = dl/dz of the output layer: bce fused as a - y (exact even when a saturates);
   * mse dA * a (1 - a), the chain rule through the sigmoid, which does not cancel.
   */
  gradZ(a: T, y: T, dA: T): T;
}
