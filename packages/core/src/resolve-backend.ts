import type { Backend, BackendInfo } from './backend.js';
import { BackendInitError } from './errors.js';

/**
 * A backend that, at `init()`, uses the first of `candidates` whose engine starts (e.g. tfjs webgl, else
 * cpu), in the spirit of onnxruntime's `resolveBackend`. Its `info` names the one chosen once
 * initialised, the first candidate before. When none starts, `init()` throws BackendInitError naming
 * every candidate's failure; a later `init()` tries again.
 */
export function firstAvailable(candidates: readonly (() => Backend)[]): Backend {
  const first = candidates[0];
  if (!first) throw new BackendInitError('candidates', 'expected at least one candidate backend, got none');
  let chosen: Backend | undefined;
  let starting: Promise<Backend> | undefined;
  const preview = first();
  const start = async (): Promise<Backend> => {
    const failures: string[] = [];
    let last: unknown;
    for (const make of candidates) {
      const b = make === first ? preview : make();
      try {
        await b.init();
        return b;
      } catch (error) {
        last = error;
        failures.push(`${b.info.name}: ${error instanceof Error ? error.message : String(error)}`);
        await b.dispose().catch(() => undefined);
      }
    }
    throw new BackendInitError('candidates', `no candidate backend started (${failures.join('; ')})`, {
      cause: last,
    });
  };
  const ready = (): Promise<Backend> => {
    starting ??= start().then((b) => {
      chosen = b;
      return b;
    });
    starting.catch(() => {
      starting = undefined;
    });
    return starting;
  };
  return {
    get info(): BackendInfo {
      return (chosen ?? preview).info;
    },
    async init() {
      await ready();
    },
    async createSession(spec, params) {
      return (await ready()).createSession(spec, params);
    },
    async dispose() {
      await (chosen ?? preview).dispose();
    },
  };
}
