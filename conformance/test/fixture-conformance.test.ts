import { describeConformance } from '../src/vitest/index.js';
import { createNaiveBackend } from './fixtures/naive-backend.js';

// The correct fixture backend must pass every case in both dtypes.
describeConformance({ name: 'naive', create: () => createNaiveBackend() });
