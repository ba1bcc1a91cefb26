import type { Backend, BackendInfo } from './backend.js';
import type { BackendEngine } from './engine.js';
import { DisposedError } from './errors.js';
import { type NetworkSpec, validateSpec } from './network-spec.js';
import { type Params, validateParams } from './params.js';
import type { TrainingSession } from './session.js';
import { CoreSession } from './session-impl.js';
import { assertDTypeSupported } from './validate-step.js';

/**
 * The one Backend every engine shares: validates spec and parameters before anything is allocated,
 * loads the engine once (again after a failure), wraps each engine session in core's session, and on
 * dispose lets running calls finish, releases every live session and then the engine. A disposed
 * session is forgotten at once, so what the backend holds is its live sessions only.
 */
export function createBackend(engine: BackendEngine): Backend {
  let loading: Promise<void> | undefined;
  let disposed = false;
  const sessions = new Set<CoreSession>();
  const assertLive = (): void => {
    if (disposed) throw new DisposedError('backend', `the ${engine.info.name} backend was disposed`);
  };
  const init = async (): Promise<void> => {
    assertLive();
    if (loading === undefined) {
      const load = engine.load();
      loading = load;
      load.catch(() => {
        if (loading === load) loading = undefined;
      });
    }
    await loading;
  };
  return {
    get info(): BackendInfo {
      return engine.info;
    },
    init,
    async createSession(spec: NetworkSpec, params: Params): Promise<TrainingSession> {
      assertLive();
      const checked = validateSpec(spec);
      assertDTypeSupported(engine.info, checked);
      const copy = validateParams(checked, params);
      await init();
      const inner = await engine.createSession(checked, copy);
      const session = new CoreSession(checked, engine.info, inner, (s) => sessions.delete(s));
      if (disposed) {
        session.dispose();
        await session.released;
        assertLive();
      }
      sessions.add(session);
      return session;
    },
    async dispose(): Promise<void> {
      if (disposed) return;
      disposed = true;
      const live = [...sessions];
      for (const session of live) session.dispose();
      await Promise.all(live.map((session) => session.released));
      await engine.release();
    },
  };
}
