import type { ActivationDescriptor } from '../descriptors.js';

/** The logistic sigmoid, onegrad's default on every layer. */
export const sigmoid: ActivationDescriptor = {
  name: 'sigmoid',
  formula: 'A = 1 / (1 + exp(-Z))',
  derivative: 'dA/dZ = A (1 - A)',
  rowwise: false,
  minUnits: 1,
};
