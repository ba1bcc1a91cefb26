import { createOnnxWebBackend } from '@onegrad/backend-onnx/web';
import { createTfjsBackend } from '@onegrad/backend-tfjs';
import { createTsBackend } from '@onegrad/backend-ts';
import { firstAvailable } from '@onegrad/core';
import { type BackendChoice, BackendPool } from '../lib/backend-pool.js';
import { createTfjsWasmBackend } from './tfjs-wasm.js';

/** The backends the page offers, each running in the browser. */
export const WEB_BACKENDS: readonly BackendChoice[] = [
  { id: 'ts', label: 'TypeScript', dtypes: ['float32', 'float64'], create: createTsBackend },
  {
    id: 'onnx',
    label: 'ONNX Runtime',
    dtypes: ['float32', 'float64'],
    // The .wasm is emitted by the build beside onnxruntime-web's module and fetched from this server only.
    create: () => createOnnxWebBackend(),
  },
  {
    id: 'tfjs',
    label: 'TensorFlow.js (WebGL)',
    dtypes: ['float32'],
    // webgl where the browser has it, else tfjs's plain JavaScript kernels.
    create: () =>
      firstAvailable([
        () => createTfjsBackend({ tfBackend: 'webgl' }),
        () => createTfjsBackend({ tfBackend: 'cpu' }),
      ]),
  },
  {
    id: 'tfjs-wasm',
    label: 'TensorFlow.js (WebAssembly)',
    dtypes: ['float32'],
    // A step of a small network is some forty kernels: one WebGL draw each, but a plain call here.
    create: createTfjsWasmBackend,
  },
];

/** A pool over {@link WEB_BACKENDS}. */
export function webPool(): BackendPool {
  return new BackendPool(WEB_BACKENDS);
}
