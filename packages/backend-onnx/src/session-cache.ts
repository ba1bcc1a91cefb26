import type { NetworkSpec } from '@onegrad/core';
import {
  buildInferenceModel,
  buildPackedStepModel,
  buildTrainingModel,
  buildTrainRunModel,
  encodeModel,
  specTag,
} from './graph/index.js';
import type { OrtModule, OrtSession, OrtSessionOptions } from './ort-like.js';

/**
 * Which graph of a spec: the forward pass, the step, the step with one packed output (see
 * buildPackedStepModel), the step with every intermediate, or a run of steps.
 */
export type GraphKind = 'forward' | 'step' | 'packed' | 'trace' | 'train';

/** The model bytes of graph `kind` of `spec`. */
function graphBytes(spec: NetworkSpec, kind: GraphKind): Uint8Array {
  if (kind === 'forward') return encodeModel(buildInferenceModel(spec));
  if (kind === 'train') return encodeModel(buildTrainRunModel(spec));
  if (kind === 'packed') return encodeModel(buildPackedStepModel(spec));
  return encodeModel(buildTrainingModel(spec, { trace: kind === 'trace' }));
}

/**
 * How many compiled graphs a backend keeps (each about 1 MB of runtime memory for a small network): the
 * least recently used is dropped beyond it. A training session still running a dropped graph keeps it
 * alive until its call returns; the runtime frees it when it is collected.
 */
export const MAX_COMPILED_GRAPHS = 32;

/**
 * Compiles each (sizes, activations, loss, dtype, kind) once and hands the same runtime session to every
 * training session that asks, so a new network of a known shape costs no compilation. Holds at most
 * {@link MAX_COMPILED_GRAPHS} graphs, least recently used dropped first.
 */
export class SessionCache {
  // Map order is use order: a hit moves its key to the end, so the first key is the least recently used.
  private readonly sessions = new Map<string, Promise<OrtSession>>();
  // Each spec's tag, built once: a training session asks with the same spec object at every step.
  private readonly tags = new WeakMap<NetworkSpec, string>();

  constructor(
    /** The loaded runtime module the sessions run on. */
    readonly ort: OrtModule,
    private readonly options: OrtSessionOptions,
  ) {}

  /** The compiled session of graph `kind` of `spec`, compiling it on first use. */
  get(spec: NetworkSpec, kind: GraphKind): Promise<OrtSession> {
    let tag = this.tags.get(spec);
    if (tag === undefined) {
      tag = specTag(spec);
      this.tags.set(spec, tag);
    }
    const key = `${tag}|${kind}`;
    const cached = this.sessions.get(key);
    if (cached) {
      this.sessions.delete(key);
      this.sessions.set(key, cached);
      return cached;
    }
    const session = this.ort.InferenceSession.create(graphBytes(spec, kind), this.options);
    // A failed compilation is not cached, so a later call can try again.
    session.catch(() => this.sessions.get(key) === session && this.sessions.delete(key));
    this.sessions.set(key, session);
    // Dropped, not released: a call of another training session may still be running on it.
    for (const oldest of this.sessions.keys()) {
      if (this.sessions.size <= MAX_COMPILED_GRAPHS) break;
      this.sessions.delete(oldest);
    }
    return session;
  }

  /** How many compiled graphs the cache holds. */
  get size(): number {
    return this.sessions.size;
  }

  /** Releases every compiled session. */
  async release(): Promise<void> {
    const all = [...this.sessions.values()];
    this.sessions.clear();
    await Promise.allSettled(all.map(async (s) => (await s).release()));
  }
}
