import {
  activationsOf,
  type Batch,
  type NetworkSpec,
  type Params,
  type StepResult,
  validateBatch,
  validateParams,
  validateSpec,
} from '@onegrad/core';
import { arithmeticOf } from '../error-model/arithmetic.js';
import { QUANTITIES, type WorstRatios } from '../error-model/quantity.js';
import { exact } from '../reference/decimal.js';
import { dmatrix } from '../reference/dmatrix.js';
import { referenceStep } from '../reference/step.js';
import { compareStep } from './compare-step.js';
import { expectedStep } from './expected-step.js';
import { type Offender, Tally } from './tally.js';

/** What one traced step is judged against: the network, the parameters BEFORE the step, the batch, lr. */
export interface StepJudgementInput {
  /** The network (its dtype picks u and the underflow floor of the bounds). */
  readonly spec: NetworkSpec;
  /** Parameters before the step, in the spec's dtype. */
  readonly params: Params;
  /** The batch the step was taken on. */
  readonly batch: Batch;
  /** The learning rate passed to `step` (the double, before any rounding to the dtype). */
  readonly learningRate: number;
}

/** Optional labels for the offenders of {@link judgeStep}. */
export interface StepJudgementOptions {
  /** `case` of every offender; default `step`. */
  readonly case?: string;
  /** `step` of every offender (e.g. the step index in a training run). */
  readonly step?: number;
  /** True for an engine that flushes subnormals to zero (see `ConformanceTarget.flushesSubnormals`). */
  readonly flushesSubnormals?: boolean;
}

/** The verdict on one traced step: worst ratio per quantity, overall, and the elements above the threshold. */
export interface StepJudgement {
  /** Worst ratio |backend - reference| / bound per quantity. */
  readonly worst: WorstRatios;
  /** The largest of `worst` (Infinity for a class mismatch). */
  readonly worstRatio: number;
  /** True when every ratio is within the threshold and the trace is well-formed. */
  readonly pass: boolean;
  /** Elements above the threshold, the five worst per quantity. */
  readonly offenders: Offender[];
  /** Contract violations that are not about one element (missing trace, wrong shape or dtype). */
  readonly problems: string[];
  /** Elements of the unfused output dA (bce, cce) judged ill-conditioned. */
  readonly illConditioned: number;
}

/**
 * Judges one traced step (`result` of `step(batch, { learningRate, trace: true })`) against the
 * 50-digit reference computed from the parameters before the step, with the suite's error model.
 * Runs anywhere decimal.js does (no Node built-ins); cost grows with the network's size.
 */
export function judgeStep(
  input: StepJudgementInput,
  result: StepResult,
  options: StepJudgementOptions = {},
): StepJudgement {
  const spec = validateSpec(input.spec);
  const params = validateParams(spec, input.params);
  validateBatch(spec, input.batch);
  const reference = referenceStep({
    loss: spec.loss,
    activations: activationsOf(spec),
    x: dmatrix(input.batch.x),
    y: dmatrix(input.batch.y),
    params: params.map((p) => ({ W: dmatrix(p.W), b: dmatrix(p.b) })),
    learningRate: exact(input.learningRate),
  });
  const tally = new Tally();
  const where = {
    case: options.case ?? 'step',
    ...(options.step === undefined ? {} : { step: options.step }),
  };
  const arith = arithmeticOf(spec.dtype, options.flushesSubnormals);
  compareStep({ tally, arith, where }, result, expectedStep(reference, input.batch.y.data));
  const worstRatio = Math.max(...QUANTITIES.map((q) => tally.worst[q]));
  return {
    worst: { ...tally.worst },
    worstRatio,
    // Tally.pass already holds every worst ratio to the threshold.
    pass: tally.pass,
    offenders: [...tally.offenders],
    problems: [...tally.problems],
    illConditioned: tally.illConditioned,
  };
}
