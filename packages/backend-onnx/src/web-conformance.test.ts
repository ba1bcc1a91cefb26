import { describeConformance } from '@onegrad/conformance/vitest';
import { createOnnxWebBackend } from './web.js';

// The same suite on the web entry: onnxruntime-web's WebAssembly build runs in Node too.
describeConformance({ name: 'onnx-web', create: () => createOnnxWebBackend() });
