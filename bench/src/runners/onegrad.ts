import type { Backend } from '@onegrad/core';
import type { RowSpec } from '../types.js';
import type { Workload } from '../workloads.js';
import { sessionRunner } from './onegrad-session.js';
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
      return (await import('@onegrad/backend-onnx')).createOnnxBackend({ threads: row.threads ?? 1 });
    default:
      throw new Error(`${row.impl} is not a onegrad backend`);
  }
}

/** A onegrad row in Node: the backend's Node entry point, timed by {@link sessionRunner}. */
export async function onegradRunner(row: RowSpec, w: Workload): Promise<Runner> {
  return sessionRunner(await createBackend(row), row, w);
}
