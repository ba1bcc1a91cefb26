import {
  assertDTypeSupported,
  type Backend,
  type BackendInfo,
  BackendInitError,
  DisposedError,
  DTYPES,
  type NetworkSpec,
  type Params,
  type TrainingSession,
  validateParams,
  validateSpec,
} from '@onegrad/core';
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
  let loaded: Promise<{ ort: OrtModule; cache: SessionCache }> | undefined;
  let ready: { ort: OrtModule; cache: SessionCache } | undefined;
  let disposed = false;
  // Runs in flight: dispose() lets them finish before it releases the compiled runtime sessions.
  const inflight = new Set<Promise<unknown>>();
  let engine = `${binding.runtime} (${binding.device})`;

  const assertAlive = (): void => {
    if (disposed) throw new DisposedError('backend', `the ${binding.name} backend was disposed`);
  };
  const info: BackendInfo = {
    name: binding.name,
    get engine() {
      return engine;
    },
    dtypes: DTYPES,
  };

  const init = async (): Promise<void> => {
    assertAlive();
    loaded ??= binding.load().then(
      (ort) => {
        engine = `${binding.runtime} ${ort.env.versions[binding.versionKey] ?? '?'} (${binding.device})`;
        ready = { ort, cache: new SessionCache(ort, binding.sessionOptions) };
        return ready;
      },
      (cause: unknown) => {
        loaded = undefined;
        throw new BackendInitError(binding.name, `cannot load ${binding.runtime}: ${String(cause)}`, {
          cause,
        });
      },
    );
    await loaded;
  };

  return {
    info,
    init,
    async createSession(spec: NetworkSpec, params: Params): Promise<TrainingSession> {
      assertAlive();
      // A frozen copy: later changes to the caller's spec do not reach the session.
      const checked = validateSpec(spec);
      assertDTypeSupported(info, checked);
      const copy = validateParams(checked, params);
      await init();
      const { ort, cache } = ready as { ort: OrtModule; cache: SessionCache };
      const track = <R>(work: () => Promise<R>): Promise<R> => {
        assertAlive();
        const run = work();
        inflight.add(run);
        const done = (): boolean => inflight.delete(run);
        run.then(done, done);
        return run;
      };
      return new OnnxSession({ ort, info, cache, assertAlive, track }, checked, copy);
    },
    async dispose(): Promise<void> {
      if (disposed) return;
      disposed = true;
      await Promise.allSettled([...inflight]);
      await ready?.cache.release();
    },
  };
}
