import type { Backend, BackendInfo } from '@onegrad/core';

/**
 * A backend that, at `init()`, uses the first of `candidates` whose engine starts (e.g. tfjs webgl, else
 * cpu). Its `info` names the one chosen once initialised, the first candidate before.
 */
export function firstAvailable(candidates: readonly (() => Backend)[]): Backend {
  let chosen: Backend | undefined;
  let starting: Promise<Backend> | undefined;
  const first = candidates[0];
  if (!first) throw new Error('firstAvailable needs at least one candidate');
  const preview = first();
  const start = async (): Promise<Backend> => {
    let last: unknown;
    for (const make of candidates) {
      const b = make === first ? preview : make();
      try {
        await b.init();
        return b;
      } catch (e) {
        last = e;
        await b.dispose().catch(() => undefined);
      }
    }
    throw last;
  };
  const ready = () => {
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
