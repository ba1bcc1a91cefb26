import type { Tensor } from '@tensorflow/tfjs-core';
import type { TfjsActivationKernel, TfjsKernelContext } from './kernels.js';

/** Gradients of one dense layer: dZ, dW (inputs x units), db (1 x units), and dA_prev when read. */
export type DenseGradients = {
  readonly dZ: Tensor;
  readonly dW: Tensor;
  readonly db: Tensor;
  readonly dAPrev: Tensor;
};

/**
 * One dense layer plus its activation on tfjs tensors, over the current `W` (inputs x units) and `b`
 * (1 x units). Run it inside `tf.tidy`: it allocates a tensor per op.
 */
export class DenseLayer {
  constructor(
    private readonly on: TfjsKernelContext,
    private readonly activation: TfjsActivationKernel,
    private readonly W: Tensor,
    private readonly b: Tensor,
  ) {}

  /** Z = A_prev W + b; A = f(Z). */
  forward(aPrev: Tensor): { z: Tensor; a: Tensor } {
    const { tf } = this.on;
    const units = this.W.shape[1] ?? 0;
    // A 1-D bias takes tfjs's fast broadcasting path; a [1, units] one goes through the generic loop.
    const z = tf.add(tf.matMul(aPrev, this.W), tf.reshape(this.b, [units]));
    return { z, a: this.activation.forward(this.on, z) };
  }

  /** dZ (the loss's fused one on the output layer, else dA through f'), dW = A_prev^T dZ / m, db, dA_prev. */
  backward(aPrev: Tensor, z: Tensor, a: Tensor, dA: Tensor, fusedDZ?: Tensor): DenseGradients {
    const { tf } = this.on;
    const { W } = this;
    const m = aPrev.shape[0] ?? 1;
    const dZ = fusedDZ ?? this.activation.backward(this.on, dA, z, a);
    return {
      dZ,
      // Explicit transposes: tfjs-wasm's transposeA/transposeB matMul paths run ~15x slower.
      dW: tf.div(tf.matMul(tf.transpose(aPrev), dZ), m),
      db: tf.div(tf.sum(dZ, 0, true), m),
      // Computed only when read: the first layer's dA_0 (with respect to the inputs) is never needed.
      get dAPrev() {
        return tf.matMul(dZ, tf.transpose(W));
      },
    };
  }
}
