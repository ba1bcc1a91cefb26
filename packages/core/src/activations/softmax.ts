import type { ActivationDescriptor } from '../descriptors.js';

/** Row-wise softmax, output layer only: each row of A is a probability distribution over the units. */
export const softmax: ActivationDescriptor = {
  name: 'softmax',
  formula: 'A_i = exp(Z_i) / sum_j exp(Z_j) over each row',
  derivative: 'dZ_i = A_i (dA_i - sum_j dA_j A_j) over each row',
  rowwise: true,
  minUnits: 2,
};
