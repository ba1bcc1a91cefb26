import { createOnnxBackend } from '@onegrad/backend-onnx';
import { createTfjsBackend } from '@onegrad/backend-tfjs';
import { createTsBackend } from '@onegrad/backend-ts';
import { type BackendChoice, BackendPool } from '../lib/backend-pool.js';

/** The backends the CLI offers, each running in Node. */
export const NODE_BACKENDS: readonly BackendChoice[] = [
  { id: 'ts', label: 'TypeScript', dtypes: ['float32', 'float64'], create: createTsBackend },
  {
    id: 'onnx',
    label: 'ONNX Runtime (node, cpu)',
    dtypes: ['float32', 'float64'],
    create: () => createOnnxBackend(),
  },
  {
    id: 'tfjs',
    label: 'TensorFlow.js (cpu)',
    dtypes: ['float32'],
    create: () => createTfjsBackend({ tfBackend: 'cpu' }),
  },
  {
    id: 'tfjs-wasm',
    label: 'TensorFlow.js (wasm)',
    dtypes: ['float32'],
    create: () => createTfjsBackend({ tfBackend: 'wasm' }),
  },
];

/** A pool over {@link NODE_BACKENDS}. */
export function nodePool(): BackendPool {
  return new BackendPool(NODE_BACKENDS);
}
