import {
  activationsOf,
  type Layer,
  type LayerForward,
  type LayerGradients,
  type NetworkSpec,
  SpecError,
} from '@onegrad/core';
import type { Tensor } from '@tensorflow/tfjs';
import type { Tf } from './load-tfjs.js';
import type { TfjsBackendName } from './options.js';

/** Throws SpecError unless every layer of `spec` is sigmoid, the one activation with a kernel here. */
export function assertSigmoidLayers(spec: NetworkSpec, tfBackend: TfjsBackendName): void {
  activationsOf(spec).forEach((name, l) => {
    if (name !== 'sigmoid') {
      const message = `backend 'tfjs-${tfBackend}' has no kernel for activation '${name}'`;
      throw new SpecError(`spec.activations[${l}]`, message);
    }
  });
}

/**
 * One dense + sigmoid layer on tfjs tensors (core's `Layer`), over the current `W` (inputs x units) and
 * `b` (1 x units). Run it inside `tf.tidy`: it allocates a tensor per op.
 */
export function denseSigmoidLayer(tf: Tf, W: Tensor, b: Tensor): Layer<Tensor> {
  const [inputs = 0, units = 0] = W.shape;
  return {
    inputs,
    units,
    forward(aPrev: Tensor): LayerForward<Tensor> {
      // A 1-D bias takes tfjs's fast broadcasting path; a [1, units] one goes through the generic loop.
      const z = tf.add(tf.matMul(aPrev, W), tf.reshape(b, [units]));
      return { z, a: tf.sigmoid(z) };
    },
    backward(aPrev: Tensor, a: Tensor, dA: Tensor, fusedDZ?: Tensor): LayerGradients<Tensor> {
      const m = aPrev.shape[0] ?? 1;
      const dZ = fusedDZ ?? tf.mul(dA, tf.mul(a, tf.sub(1, a)));
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
    },
  };
}
