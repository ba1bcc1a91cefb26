import type { ActivationDescriptor } from '../descriptors.js';

/** The hyperbolic tangent, a sigmoid rescaled to (-1, 1). */
export const tanh: ActivationDescriptor = {
  name: 'tanh',
  formula: 'A = tanh(Z)',
  derivative: 'dA/dZ = 1 - A^2',
  rowwise: false,
  minUnits: 1,
};
