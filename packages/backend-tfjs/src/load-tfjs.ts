import { BackendInitError } from '@onegrad/core';
import type * as TfModule from '@tensorflow/tfjs-core';
import { PINNED_TFJS_VERSION, type TfjsBackendName } from './options.js';

/** The @tensorflow/tfjs-core API, loaded on demand. */
export type Tf = typeof TfModule;

let tfjs: Promise<Tf> | undefined;

/**
 * Loads @tensorflow/tfjs-core and its cpu backend once per process; nothing is imported before a backend
 * is initialised. An application that imports @tensorflow/tfjs gets the same tfjs-core module, so both
 * share one engine and its registered backends.
 */
export function loadTfjs(): Promise<Tf> {
  if (tfjs === undefined) {
    tfjs = Promise.all([import('@tensorflow/tfjs-core'), import('@tensorflow/tfjs-backend-cpu')]).then(
      ([mod]) =>
        // Node loads tfjs-core's CommonJS bundle, whose namespace may hold the API under `default` only.
        (typeof mod.tensor === 'function' ? mod : mod.default) as Tf,
    );
    // A failed import is forgotten, so a later call can try again.
    tfjs.catch(() => {
      tfjs = undefined;
    });
  }
  return tfjs;
}

// The wasm and webgl backends are optional peer dependencies: imported only when asked for.
const OPTIONAL: Partial<Record<TfjsBackendName, () => Promise<unknown>>> = {
  wasm: () => import('@tensorflow/tfjs-backend-wasm'),
  webgl: () => import('@tensorflow/tfjs-backend-webgl'),
};

/** Imports what `name` needs and registers it with tfjs; wasm and webgl are loaded only when asked for. */
export async function loadTfBackend(name: TfjsBackendName): Promise<Tf> {
  const optional = OPTIONAL[name];
  let pkg = '@tensorflow/tfjs-core';
  try {
    const tf = await loadTfjs();
    pkg = `@tensorflow/tfjs-backend-${name}`;
    await optional?.();
    return tf;
  } catch (cause) {
    const hint = optional === undefined ? '' : ` (install ${pkg}@${PINNED_TFJS_VERSION} beside this package)`;
    throw new BackendInitError(
      'tfBackend',
      `cannot load ${pkg} for the tfjs '${name}' backend: ${messageOf(cause)}${hint}`,
      { cause },
    );
  }
}

/**
 * Makes `name` tfjs's active backend, initialising it on first use; throws {@link BackendInitError} when
 * it is not registered here (webgl outside a browser) or fails to start.
 */
export async function activate(tf: Tf, name: TfjsBackendName): Promise<void> {
  if (tf.getBackend() === name) return;
  if (tf.findBackendFactory(name) == null) {
    const hint = name === 'webgl' ? ' (webgl needs a browser with WebGL)' : '';
    throw new BackendInitError(
      'tfBackend',
      `the tfjs '${name}' backend is not available in this environment${hint}`,
    );
  }
  let ok: boolean;
  try {
    ok = await tf.setBackend(name);
  } catch (cause) {
    throw new BackendInitError(
      'tfBackend',
      `the tfjs '${name}' backend failed to start: ${messageOf(cause)}`,
      { cause },
    );
  }
  if (!ok) throw new BackendInitError('tfBackend', `the tfjs '${name}' backend failed to initialise`);
}

/** Text of an unknown thrown value. */
function messageOf(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
