import { type Backend, initParams, type NetworkSpec } from '@onegrad/core';
import type { RowSpec } from '../types.js';
import { DATA_SEED, type Workload, workloadData } from '../workloads.js';
import type { Runner } from './runner.js';

async function createBackend(row: RowSpec): Promise<Backend> {
  switch (row.impl) {
    case 'onegrad-ts':
      return (await import('@onegrad/backend-ts')).createTsBackend();
    case 'onegrad-tfjs': {
      const { createTfjsBackend } = await import('@onegrad/backend-tfjs');
      return createTfjsBackend({ tfBackend: row.engine === 'tfjs-wasm' ? 'wasm' : 'cpu' });
    }
    case 'onegrad-onnx':
      return (await import('@onegrad/backend-onnx')).createOnnxBackend();
    default:
      throw new Error(`${row.impl} is not a onegrad backend`);
  }
}

/** A onegrad session from the backend's public entry point, stepped without a trace (its fastest path). */
export async function onegradRunner(row: RowSpec, w: Workload): Promise<Runner> {
  const backend = await createBackend(row);
  await backend.init();
  const spec: NetworkSpec = { sizes: w.sizes, loss: w.loss, dtype: row.dtype };
  const session = await backend.createSession(spec, initParams(spec, DATA_SEED));
  const batch = workloadData(w, row.dtype);
  const options = { learningRate: w.learningRate };
  return {
    step: () => session.step(batch, options),
    dispose: async () => {
      session.dispose();
      await backend.dispose();
    },
  };
}
