import { describeConformance } from '@onegrad/conformance/vitest';
import { createOnnxBackend } from './index.js';

// The shared suite, in every dtype the backend declares (float32 and float64).
describeConformance({ name: 'onnx', create: () => createOnnxBackend() });
