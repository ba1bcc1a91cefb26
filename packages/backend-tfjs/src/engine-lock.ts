import { serialQueue } from '@onegrad/core';
import { activate, type Tf } from './load-tfjs.js';
import type { TfjsBackendName } from './options.js';
import { guardWasm } from './wasm-capacity.js';

// tfjs has one active backend per process (`tf.setBackend` is global), so every onegrad tfjs backend in
// the process shares this queue: a call switches tfjs to its own backend, then computes synchronously,
// and no other call (nor an asynchronous backend initialisation) can run in between.
const engineQueue = serialQueue();

/**
 * Runs `compute` with `name` as tfjs's active backend, after every earlier call of every tfjs session in
 * the process. Switching costs one `tf.setBackend` (tfjs re-runs its kernels' setup) only when the
 * previous call ran on another backend; consecutive calls on one backend pay a string comparison. On
 * wasm, a module that has trapped is poisoned (see {@link guardWasm}).
 */
export function onTfBackend<R>(tf: Tf, name: TfjsBackendName, compute: () => R): Promise<R> {
  return engineQueue(async () => {
    await activate(tf, name);
    // Code outside onegrad may switch tfjs while the await above yields; compute only on our backend.
    if (tf.getBackend() !== name) await activate(tf, name);
    return guardWasm(name, compute);
  });
}
