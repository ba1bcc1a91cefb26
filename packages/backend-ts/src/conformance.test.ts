import { describeConformance } from '@onegrad/conformance/vitest';
import { createTsBackend } from './index.js';

describeConformance({ name: 'ts', create: () => createTsBackend() });
