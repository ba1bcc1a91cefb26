import type { Tensor } from '@tensorflow/tfjs-core';
import type { TfjsActivationKernel, TfjsKernelContext } from './kernels.js';

/** Gradients of one dense layer: dZ, dW (inputs x units), db (units), and dA_prev when read. */
export type DenseGradients = {
  readonly dZ: Tensor;
  readonly dW: Tensor;
  readonly db: Tensor;
  readonly dAPrev: Tensor;
};

/** What the backward pass reads besides the layer's own tensors: the batch size and A_prev^T if made. */
export type BackwardInputs = {
  /** The batch size m as a float32 scalar. */
  readonly m: Tensor;
  /** A_prev^T when the caller holds it (x^T is the same every step of a run). */
  readonly aPrevT?: Tensor | undefined;
};

/**
 * One dense layer plus its activation on tfjs tensors, over the current `W` (inputs x units) and `b`
 * (a 1-D tensor of units). Run it inside `tf.tidy`: it allocates a tensor per op.
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
    const { tf, tfBackend } = this.on;
    const { W, b } = this;
    // tfjs-cpu's _FusedMatMul is its BatchMatMul then its Add, the same bits in one kernel; run directly,
    // since tf.fused.matMul wraps it in three Reshape kernels. tfjs-wasm's is XNNPACK's, another summation.
    // A 1-D bias takes tfjs's fast broadcasting path; a [1, units] one goes through the generic loop.
    const z: Tensor =
      tfBackend === 'cpu'
        ? tf
            .engine()
            .runKernel('_FusedMatMul', { a: aPrev, b: W, bias: b }, { transposeA: false, transposeB: false })
        : tf.add(tf.matMul(aPrev, W), b);
    return { z, a: this.activation.forward(this.on, z) };
  }

  /** dZ (the loss's fused one on the output layer, else dA through f'), dW = A_prev^T dZ / m, db, dA_prev. */
  backward(
    aPrev: Tensor,
    z: Tensor,
    a: Tensor,
    dA: Tensor,
    by: BackwardInputs,
    fusedDZ?: Tensor,
  ): DenseGradients {
    const { tf, tfBackend } = this.on;
    const { W } = this;
    const { m } = by;
    const dZ = fusedDZ ?? this.activation.backward(this.on, dA, z, a);
    // tfjs-cpu's matMul reads a transposed operand in place, summing in the same order (the same bits)
    // without a Transpose kernel. tfjs-wasm's transposeA/transposeB paths run ~15x slower: there the
    // transposes are explicit.
    const inPlace = tfBackend === 'cpu';
    return {
      dZ,
      dW: tf.div(
        inPlace ? tf.matMul(aPrev, dZ, true, false) : tf.matMul(by.aPrevT ?? tf.transpose(aPrev), dZ),
        m,
      ),
      db: tf.div(tf.sum(dZ, 0), m),
      // Computed only when read: the first layer's dA_0 (with respect to the inputs) is never needed.
      get dAPrev() {
        return inPlace ? tf.matMul(dZ, W, false, true) : tf.matMul(dZ, tf.transpose(W));
      },
    };
  }
}
