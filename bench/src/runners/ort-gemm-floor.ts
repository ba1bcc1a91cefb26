import { allocate, seededRandom } from '@onegrad/core';
import type { RowSpec } from '../types.js';
import { DATA_SEED, type Workload } from '../workloads.js';
import type { Runner } from './runner.js';

/**
 * The machine's floor for a step: onnxruntime-node running only the step's matrix products (see
 * gemmGraph) on `row.threads` threads (one unless the row says two), one `run` per step on inputs
 * created once. No implementation of the whole step can beat this time on this CPU with these kernels.
 */
export async function ortGemmFloorRunner(row: RowSpec, w: Workload): Promise<Runner> {
  process.env.ORT_DISABLE_TELEMETRY ??= '1';
  const ort = await import('onnxruntime-node');
  // Imported here so rows without ONNX do not load protobufjs, which would count in their RSS.
  const { gemmGraph } = await import('./gemm-graph.js');
  const graph = gemmGraph(w.sizes, w.batch, row.dtype);
  const session = await ort.InferenceSession.create(graph.bytes, {
    executionProviders: ['cpu'],
    intraOpNumThreads: row.threads ?? 1,
    interOpNumThreads: 1,
    logSeverityLevel: 3,
  });
  const rand = seededRandom(DATA_SEED);
  const feeds: Record<string, InstanceType<typeof ort.Tensor>> = {};
  for (const input of graph.inputs) {
    const data = allocate(row.dtype, input.dims[0] * input.dims[1]);
    for (let e = 0; e < data.length; e++) data[e] = rand() - 0.5;
    feeds[input.name] = new ort.Tensor(row.dtype, data, [...input.dims]);
  }
  return { step: () => session.run(feeds), dispose: () => session.release() };
}
