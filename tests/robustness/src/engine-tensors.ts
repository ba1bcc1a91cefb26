import { memory } from '@tensorflow/tfjs-core';

/**
 * Live tensors of the process's tfjs engine (`tf.memory().numTensors`). tfjs keeps one engine per
 * process in a global, so this reads the same count as the one the tfjs backend allocates on.
 */
export function tfjsTensorCount(): number {
  return memory().numTensors;
}
