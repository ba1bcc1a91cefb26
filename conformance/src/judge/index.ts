// The browser-safe entry `@onegrad/conformance/judge`: the reference and the error model, without the
// stored case data (read from disk) or a test runner.
export { THRESHOLD } from '../error-model/constants.js';
export { QUANTITIES, type Quantity, type WorstRatios } from '../error-model/quantity.js';
export { Dec, log1p, ONE, ZERO } from '../reference/decimal.js';
export type { ActivationReference, ActivationRow, LossReference, UnfusedGrad } from '../reference/kinds.js';
export { type BoundedValue, productOf } from '../reference/product.js';
export { registerActivationReference, registerLossReference } from '../reference/registry.js';
export { type ReferenceInput, type ReferenceStep, referenceStep } from '../reference/step.js';
export {
  judgeStep,
  type StepJudgement,
  type StepJudgementInput,
  type StepJudgementOptions,
} from './judge-step.js';
export type { Offender } from './tally.js';
