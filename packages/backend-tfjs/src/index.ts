import type { Backend } from '@onegrad/core';
import { resolveTfBackend, type TfjsBackendOptions } from './options.js';
import { TfjsBackend } from './tfjs-backend.js';

export { TFJS_BACKENDS, type TfjsBackendName, type TfjsBackendOptions } from './options.js';

/** A onegrad backend on TensorFlow.js (`cpu` by default, `wasm`, or `webgl` in a browser); float32 only. */
export function createTfjsBackend(options?: TfjsBackendOptions): Backend {
  return new TfjsBackend(resolveTfBackend(options));
}
