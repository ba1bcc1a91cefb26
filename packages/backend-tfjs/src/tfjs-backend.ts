import { type Backend, createBackend } from '@onegrad/core';
import { onTfBackend } from './engine-lock.js';
import { loadTfBackend, type Tf } from './load-tfjs.js';
import {
  PINNED_TFJS_VERSION,
  resolveMaxCallBytes,
  resolveTfBackend,
  type TfjsBackendOptions,
  tfjsBackendInfo,
} from './options.js';
import { quietStart } from './quiet-start.js';
import { TfjsEngine } from './tfjs-engine.js';

/** A onegrad backend on TensorFlow.js (`cpu` by default, `wasm`, or `webgl` in a browser); float32 only. */
export function createTfjsBackend(options?: TfjsBackendOptions): Backend {
  const tfBackend = resolveTfBackend(options);
  const maxCallBytes = resolveMaxCallBytes(options);
  let tf: Tf | undefined;
  let version = PINNED_TFJS_VERSION;
  return createBackend({
    get info() {
      return tfjsBackendInfo(tfBackend, version);
    },
    // tfjs itself is imported here, when core first initialises the backend, not before.
    async load() {
      const loaded = await loadTfBackend(tfBackend);
      await onTfBackend(loaded, tfBackend, () => quietStart(loaded, tfBackend));
      version = loaded.version_core;
      tf = loaded;
    },
    // core loads the engine before it creates a session.
    createSession: (spec, params) => TfjsEngine.create(tf as Tf, tfBackend, spec, params, maxCallBytes),
    // The tfjs backend itself stays registered: other onegrad backends in the process may share it.
    release: () => undefined,
  });
}
