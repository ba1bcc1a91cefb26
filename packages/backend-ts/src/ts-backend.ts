import {
  assertDTypeSupported,
  type Backend,
  type BackendInfo,
  DisposedError,
  type NetworkSpec,
  type Params,
  type TrainingSession,
  validateParams,
  validateSpec,
} from '@onegrad/core';
import { TsSession } from './ts-session.js';

/** Creates the pure TypeScript backend (float32 and float64 typed arrays); nothing to load. */
export function createTsBackend(): Backend {
  const info: BackendInfo = { name: 'ts', engine: 'TypeScript typed arrays', dtypes: ['float32', 'float64'] };
  let disposed = false;
  const sessions = new Set<TsSession>();
  const assertLive = () => {
    if (disposed) throw new DisposedError('backend', `backend '${info.name}' was disposed`);
  };
  return {
    info,
    async init() {
      assertLive();
    },
    async createSession(spec: NetworkSpec, params: Params): Promise<TrainingSession> {
      assertLive();
      const checked = validateSpec(spec);
      assertDTypeSupported(info, checked);
      const session = new TsSession(checked, info, validateParams(checked, params));
      sessions.add(session);
      return session;
    },
    async dispose() {
      disposed = true;
      for (const session of sessions) session.dispose();
      sessions.clear();
    },
  };
}
