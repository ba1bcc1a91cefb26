export type { CaseContext, ConformanceCase } from './cases/case.js';
export { type PlainMatrix, type Problem, problemBatch, problemParams, problemSpec } from './cases/problem.js';
export { RANDOM_CASES, type RandomCaseSpec } from './cases/random-table.js';
export { allCases } from './cases/registry.js';
export { SATURATION_Z, saturationProblem } from './cases/saturation.js';
export { seedProblem } from './cases/seed.js';
export * as constants from './error-model/constants.js';
export { THRESHOLD } from './error-model/constants.js';
export { classOf, type FloatClass, unfusedBceGrad } from './error-model/float-class.js';
export { QUANTITIES, type Quantity, type WorstRatios } from './error-model/quantity.js';
export {
  judgeStep,
  type StepJudgement,
  type StepJudgementInput,
  type StepJudgementOptions,
} from './judge/judge-step.js';
export type { Offender } from './judge/tally.js';
export {
  type BceGradJudgement,
  judgeBceGrad,
  judgeUnfusedGrad,
  type UnfusedGradJudgement,
} from './judge/unfused-grad-judge.js';
export { mag } from './reference/bounded.js';
export { Dec, exact, log1p, ONE, REFERENCE_PRECISION, ZERO } from './reference/decimal.js';
export type { ActivationReference, ActivationRow, LossReference, UnfusedGrad } from './reference/kinds.js';
export { type BoundedValue, productOf } from './reference/product.js';
export {
  activationReference,
  lossReference,
  referencedActivations,
  referencedLosses,
  registerActivationReference,
  registerLossReference,
} from './reference/registry.js';
export {
  type DLayerParams,
  type ReferenceInput,
  type ReferenceStep,
  referenceCost,
  referenceStep,
} from './reference/step.js';
export { type DeclaredDeviation, declaredDeviations } from './runner/deviations.js';
export { formatCaseFailure, formatOffender, formatRatio } from './runner/format-failure.js';
export { formatReport } from './runner/format-report.js';
export { hintsFor } from './runner/hints.js';
export type { BackendReport, CaseResult, ConformanceReport } from './runner/report.js';
export { type ConformanceOptions, runConformance } from './runner/run-conformance.js';
export { SelectionError } from './runner/selection-error.js';
export type { ConformanceTarget } from './target.js';
