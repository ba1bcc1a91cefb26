import type { DType } from '@onegrad/core';
import type { WorstRatios } from '../error-model/quantity.js';
import type { Offender } from '../judge/tally.js';
import type { DeclaredDeviation } from './deviations.js';

/** The result of one case on one backend and dtype. */
export interface CaseResult {
  /** Case id. */
  readonly id: string;
  /** What the case checks, in one line. */
  readonly description: string;
  /** Dtype it ran in. */
  readonly dtype: DType;
  /** Worst ratio per quantity in this case. */
  readonly worst: WorstRatios;
  /** The element behind each worst ratio. */
  readonly at: Partial<Record<keyof WorstRatios, Offender>>;
  /** Elements above the threshold: the five worst per quantity. */
  readonly offenders: readonly Offender[];
  /** Ill-conditioned elements of the unfused output dA (judged over A's error interval, counted). */
  readonly illConditioned: number;
  /** Contract violations and errors thrown by the backend. */
  readonly problems: readonly string[];
  /** Findings that do not count against this target, e.g. about the switch partner, which it names. */
  readonly notes: readonly string[];
  /** What to look at first, for failures that match a common mistake. */
  readonly hints: readonly string[];
  /** Information (e.g. trajectory drift), not judged. */
  readonly info: Readonly<Record<string, number>>;
  /** No ratio above the threshold and no problem. */
  readonly pass: boolean;
  /** Wall time in milliseconds. */
  readonly ms: number;
}

/** One backend in one dtype, over every case. */
export interface BackendReport {
  /** The target's name. */
  readonly name: string;
  /** Where the engine ran: `node` or `chromium`. */
  readonly runtime: string;
  /** Set when the engine could not run at all: the reason measured, and whether it was only tried. */
  readonly unavailable?: { readonly reason: string; readonly tried: boolean };
  /** The dtype. */
  readonly dtype: DType;
  /** Number of cases run. */
  readonly cases: number;
  /** Cases not run, with the target's reason. */
  readonly skipped: readonly { readonly case: string; readonly reason: string }[];
  /** Deviations from IEEE arithmetic the target declares (e.g. flushesSubnormals), each with its check's verdict. */
  readonly deviations: readonly DeclaredDeviation[];
  /** Worst ratio per quantity over every case. */
  readonly worst: WorstRatios;
  /** Ill-conditioned elements of the unfused output dA (judged over A's error interval, counted). */
  readonly illConditioned: number;
  /** Ids of the cases that failed. */
  readonly failed: readonly string[];
  /** Information gathered by the cases (max over cases), e.g. `drift`. */
  readonly info: Readonly<Record<string, number>>;
  /** Every case passed. */
  readonly pass: boolean;
  /** Per-case results. */
  readonly results: readonly CaseResult[];
}

/** The whole suite's outcome. */
export interface ConformanceReport {
  /** The ratio every quantity must stay at or under. */
  readonly threshold: number;
  /** One entry per backend and dtype. */
  readonly backends: readonly BackendReport[];
}
