import { describeConformance } from '../src/vitest/index.js';
import { createNaiveBackend } from './fixtures/naive-backend.js';

const SIGMOID_ONLY = 'the fixture computes sigmoid networks only (the real backends run these)';

// The correct fixture backend must pass every sigmoid case in both dtypes.
describeConformance({
  name: 'naive',
  create: () => createNaiveBackend(),
  skip: Object.fromEntries(
    [
      'hidden/*',
      'output/*',
      'regression/*',
      'relu/*',
      'mixed/*',
      'saturation/sigmoid-tanh+mse/*',
      'saturation/sigmoid-softmax+cce/*',
      'saturation/sigmoid-softmax+mse/*',
      'trajectory/2-3-3/*',
      'switch/2-3-3/*',
      'switch/2-3-1/*',
      'determinism/2-3-3/*',
      'train/2-3-3/*',
      'train/diverging',
    ].map((key) => [key, SIGMOID_ONLY]),
  ),
});
