import type { ActivationDescriptor } from '../descriptors.js';

/** No squashing: A = Z, the output of a regression network. */
export const identity: ActivationDescriptor = {
  name: 'identity',
  formula: 'A = Z',
  derivative: 'dA/dZ = 1',
  rowwise: false,
  minUnits: 1,
};
