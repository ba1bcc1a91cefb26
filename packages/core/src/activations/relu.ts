import type { ActivationDescriptor } from '../descriptors.js';

/** The rectifier; its derivative is taken as 0 at Z = 0, as every engine here does. */
export const relu: ActivationDescriptor = {
  name: 'relu',
  formula: 'A = max(Z, 0)',
  derivative: 'dA/dZ = 1 where Z > 0, else 0',
  rowwise: false,
  minUnits: 1,
};
