import { BackendInitError } from '@onegrad/core';
import type * as TfModule from '@tensorflow/tfjs';
import type { TfjsBackendName } from './options.js';

/** The @tensorflow/tfjs API, loaded on demand. */
export type Tf = typeof TfModule;

let tfjs: Promise<Tf> | undefined;

/** Loads @tensorflow/tfjs once per process; nothing is imported before a backend is initialised. */
export function loadTfjs(): Promise<Tf> {
  if (tfjs === undefined) {
    tfjs = import('@tensorflow/tfjs').then(
      (mod) =>
        // Node loads tfjs's CommonJS bundle, whose namespace may hold the API under `default` only.
        (typeof mod.tensor === 'function' ? mod : mod.default) as Tf,
    );
    // A failed import is forgotten, so a later call can try again.
    tfjs.catch(() => {
      tfjs = undefined;
    });
  }
  return tfjs;
}

/** Imports what `name` needs and registers it with tfjs; the wasm module is loaded only when asked for. */
export async function loadTfBackend(name: TfjsBackendName): Promise<Tf> {
  const pkg = name === 'wasm' ? '@tensorflow/tfjs-backend-wasm' : '@tensorflow/tfjs';
  try {
    const tf = await loadTfjs();
    if (name === 'wasm') await import('@tensorflow/tfjs-backend-wasm');
    return tf;
  } catch (cause) {
    throw new BackendInitError(
      'tfBackend',
      `cannot load ${pkg} for the tfjs '${name}' backend: ${messageOf(cause)}`,
      {
        cause,
      },
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
