// The browser engines `onegrad-conformance --browser` runs: each backend lives in this page and the
// suite, in Node, calls it through playwright. Every file is served by the page's own server.
import { createOnnxWebBackend } from '@onegrad/backend-onnx/web';
import { createTfjsBackend } from '@onegrad/backend-tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { installPageHost } from '../src/browser/page-host.js';
import { probeWebGpu } from './webgpu-probe.js';

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasm,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimd,
});

installPageHost([
  // WebGL on SwiftShader flushes subnormal results to zero (measured by deviations/flushes-subnormals).
  { name: 'tfjs-webgl', create: () => createTfjsBackend({ tfBackend: 'webgl' }), flushesSubnormals: true },
  // Measured in Node and here: the wasm kernels flush subnormal results (deviations/flushes-subnormals).
  { name: 'tfjs-wasm', create: () => createTfjsBackend({ tfBackend: 'wasm' }), flushesSubnormals: true },
  { name: 'onnx-web', create: () => createOnnxWebBackend() },
  {
    name: 'tfjs-webgpu',
    tried: true,
    probe: () => probeWebGpu('tfjs'),
    create: () => createTfjsBackend({ tfBackend: 'webgpu' as 'webgl' }),
  },
  {
    name: 'onnx-webgpu',
    tried: true,
    // The probe always gives the reason: the web entry has no way to pick the webgpu provider yet.
    probe: () => probeWebGpu('onnx'),
    create: () => {
      throw new Error('createOnnxWebBackend runs onnxruntime-web on wasm only');
    },
  },
]);
