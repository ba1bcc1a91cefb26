/** @deprecated Forward results of 0.1's dense + sigmoid layer. */
export interface LayerForward<T> {
  /** Pre-activation Z = A_prev W + b (batch x units). */
  readonly z: T;
  /** Activation A = sigmoid(Z) (batch x units). */
  readonly a: T;
}

/** @deprecated Backward results of 0.1's dense + sigmoid layer. */
export interface LayerGradients<T> {
  /** dZ = dA * A (1 - A) per sample, or the loss's fused dZ on the output layer. */
  readonly dZ: T;
  /** dW = (1/m) A_prev^T dZ (inputs x units). */
  readonly dW: T;
  /** db = (1/m) * column sums of dZ (1 x units). */
  readonly db: T;
  /** dA_prev = dZ W^T per sample (batch x inputs): the dA of the layer below. */
  readonly dAPrev: T;
}

/** @deprecated 0.1's sigmoid layer over tensors of type `T`; engines now register a kernel per activation. */
export interface Layer<T> {
  /** n_{l-1}: inputs per sample. */
  readonly inputs: number;
  /** n_l: units of the layer. */
  readonly units: number;
  /** Z = A_prev W + b, A = sigmoid(Z). */
  forward(aPrev: T): LayerForward<T>;
  /**
   * Gradients from the layer's dA (per sample, no 1/m). When the loss fuses the output layer's
   * dZ, it is passed as `fusedDZ` and used instead of dA * A (1 - A).
   */
  backward(aPrev: T, a: T, dA: T, fusedDZ?: T): LayerGradients<T>;
}
