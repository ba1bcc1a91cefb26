import type { Tensor } from '@tensorflow/tfjs-core';
import type { Tf } from './load-tfjs.js';
import type { TfjsBackendName } from './options.js';
import { select } from './select.js';

/**
 * a / b on `tfBackend`, with IEEE 754's NaN for 0/0 and inf/inf. tfjs-webgl's RealDiv shader returns 1
 * whenever its operands are equal (so that x / x is exact on GPUs), which makes 0/0 a finite 1: the
 * unfused dA of a saturated float32 output, (a - y) / (a (1 - a)) with a rounded to 1 and y = 1, would
 * read 1 where IEEE arithmetic gives NaN and the exact value is -1.00000004. Equal operands that are 0
 * or infinite are therefore set to NaN there; every other quotient is the shader's. The other tfjs
 * backends divide as IEEE 754 does, in the one kernel.
 */
export function divOn(tf: Tf, tfBackend: TfjsBackendName): (a: Tensor, b: Tensor) => Tensor {
  if (tfBackend !== 'webgl') return (a, b) => tf.div(a, b);
  return (a, b) => {
    const q = tf.div(a, b);
    const undefinedRatio = tf.logicalAnd(tf.equal(a, b), tf.logicalOr(tf.equal(b, 0), tf.isInf(b)));
    return select(tf, undefinedRatio, tf.fill(q.shape, Number.NaN), q);
  };
}
