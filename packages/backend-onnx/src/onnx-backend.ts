import { type Backend, BackendInitError, BackendOptionError, createBackend, DTYPES } from '@onegrad/core';
import { OnnxSession } from './onnx-session.js';
import type { OrtModule, OrtSessionOptions } from './ort-like.js';
import { SessionCache } from './session-cache.js';

/** How an entry point (Node or web) plugs its runtime into the shared backend. */
export interface RuntimeBinding {
  /** BackendInfo.name, e.g. `onnx`. */
  readonly name: string;
  /** Runtime package name for `engine`, e.g. `onnxruntime-node`. */
  readonly runtime: string;
  /** The key of `ort.env.versions` holding the runtime's version, e.g. `node`. */
  readonly versionKey: string;
  /** Execution provider shown in `engine`, e.g. `cpu`. */
  readonly device: string;
  /** Loads the runtime module (a dynamic import, so importing the entry loads nothing). */
  load(): Promise<OrtModule>;
  /** Session options for every compiled graph. */
  readonly sessionOptions: OrtSessionOptions;
}

/** A Backend running the compiled ONNX training graph on the runtime of `binding`. */
export function createRuntimeBackend(binding: RuntimeBinding): Backend {
  let cache: SessionCache | undefined;
  let engine = `${binding.runtime} (${binding.device})`;
  return createBackend({
    info: {
      name: binding.name,
      get engine() {
        return engine;
      },
      dtypes: DTYPES,
    },
    async load() {
      const ort = await binding.load().catch((cause: unknown) => {
        throw new BackendInitError(binding.name, `cannot load ${binding.runtime}: ${String(cause)}`, {
          cause,
        });
      });
      engine = `${binding.runtime} ${ort.env.versions[binding.versionKey] ?? '?'} (${binding.device})`;
      cache = new SessionCache(ort, binding.sessionOptions);
    },
    createSession: (spec, params) => new OnnxSession(cache as SessionCache, spec, params),
    release: () => cache?.release(),
  });
}

/** The most intra-op threads a backend accepts: far above any core count it runs well on. */
export const MAX_THREADS = 64;

/**
 * Reads the `threads` option once when the backend is created: an integer from 1 to MAX_THREADS, or
 * `fallback` when absent; BackendOptionError naming `options.threads` otherwise.
 */
export function threadsOption(threads: unknown, fallback: number): number {
  if (threads === undefined) return fallback;
  if (typeof threads !== 'number' || !Number.isInteger(threads) || threads < 1 || threads > MAX_THREADS) {
    throw new BackendOptionError(
      'options.threads',
      `expected an integer from 1 to ${MAX_THREADS}, got ${String(threads)}`,
    );
  }
  return threads;
}
