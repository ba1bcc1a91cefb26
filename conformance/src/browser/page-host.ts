import type { Backend, TrainingSession } from '@onegrad/core';
import { HOST_GLOBAL, type PageCall, type PageEngine, type PageError, type PageReply } from './wire.js';

/** An engine the page runs the suite on: a backend factory and what its target declares. */
export interface HostedEngine {
  readonly name: string;
  readonly create: () => Backend;
  readonly flushesSubnormals?: boolean;
  /** Tried rather than required: when it cannot start, the report gives the reason and the run goes on. */
  readonly tried?: boolean;
  /** Measures whether the engine can run here; resolves with the reason when it cannot, before `create` is tried. */
  readonly probe?: () => Promise<string | undefined>;
}

/** The page side of the browser run: backends and sessions by id, called from Node through playwright. */
export interface PageHost {
  /** Starts each engine once (probe, create, init) and reports what it is, or why it cannot run. */
  engines(): Promise<PageEngine[]>;
  /** Calls a method on a backend or session of the registry. */
  call(call: PageCall): Promise<PageReply>;
}

/** Installs the host on the page's global object for the engines given. */
export function installPageHost(hosted: readonly HostedEngine[]): PageHost {
  const objects = new Map<number, Backend | TrainingSession>();
  let nextSession = -1;
  const host: PageHost = {
    engines: async () => {
      const out: PageEngine[] = [];
      for (const e of hosted) {
        const base = {
          name: e.name,
          flushesSubnormals: e.flushesSubnormals ?? false,
          tried: e.tried ?? false,
        };
        try {
          const reason = await e.probe?.();
          if (reason !== undefined) {
            out.push({ ...base, unavailable: reason });
            continue;
          }
          const backend = e.create();
          await backend.init();
          out.push({ ...base, info: { ...backend.info, dtypes: [...backend.info.dtypes] } });
          await backend.dispose();
        } catch (error) {
          out.push({ ...base, unavailable: errorOf(error).message });
        }
      }
      return out;
    },
    call: async ({ id, method, args }) => {
      try {
        if (method === 'create') {
          const engine = hosted.find((e) => e.name === args[0]);
          if (!engine) throw new Error(`no engine named ${String(args[0])} on the page`);
          objects.set(id, engine.create());
          return { ok: true, value: undefined };
        }
        const target = objects.get(id) as unknown as Record<string, (...a: unknown[]) => unknown>;
        if (target === undefined) throw new Error(`no page object ${id}`);
        const value = await target[method]?.(...args);
        if (method === 'createSession') {
          const session = value as TrainingSession;
          const sid = nextSession--;
          objects.set(sid, session);
          return { ok: true, value: { id: sid, spec: session.spec, backend: session.backend } };
        }
        return { ok: true, value };
      } catch (error) {
        return { ok: false, error: errorOf(error) };
      }
    },
  };
  (globalThis as Record<string, unknown>)[HOST_GLOBAL] = host;
  return host;
}

/** The name, message and parameter of a thrown value. */
function errorOf(error: unknown): PageError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const { parameter, step, losses } = error as { parameter?: unknown; step?: unknown; losses?: unknown };
  return {
    name: error.name,
    message: error.message,
    ...(typeof parameter === 'string' ? { parameter } : {}),
    ...(typeof step === 'number' ? { step } : {}),
    ...(losses instanceof Float64Array ? { losses } : {}),
  };
}
