import type { Backend, DType } from '@onegrad/core';
import type { Tally } from '../judge/tally.js';

/** What a case gets to run against. */
export interface CaseContext {
  /** The name of the target under test. */
  readonly targetName: string;
  /** The dtype under test. */
  readonly dtype: DType;
  /** True when the backend flushes subnormals to zero (the target's `flushesSubnormals`). */
  readonly flushesSubnormals?: boolean;
  /** The backend under test, initialised. */
  readonly backend: Backend;
  /** A second initialised backend to hand parameters to: the partner target, or a fresh one of the same. */
  partner(): Promise<{
    readonly name: string;
    readonly backend: Backend;
    readonly flushesSubnormals?: boolean;
  }>;
  /** A new initialised backend of the target, for a case that disposes it (the case must dispose it). */
  fresh(): Promise<Backend>;
  /** Where ratios and problems are recorded. */
  readonly tally: Tally;
  /** Findings reported beside the case that do not fail it (e.g. the switch partner's own errors). */
  readonly notes: string[];
  /** Numbers reported as information, never judged (e.g. trajectory drift). */
  readonly info: Record<string, number>;
}

/** One conformance case: an id like `seed/bce`, what it shows, and how to run it. */
export interface ConformanceCase {
  /** Stable id: `<family>/<name>`; skip keys match it. */
  readonly id: string;
  /** One line on what it checks. */
  readonly description: string;
  /** Runs the case, recording into `ctx.tally`. */
  run(ctx: CaseContext): Promise<void>;
}
