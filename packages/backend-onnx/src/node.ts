import { writeFile } from 'node:fs/promises';
import type { Backend, NetworkSpec } from '@onegrad/core';
import { trainingGraph } from './export-onnx.js';
import type { TrainingGraphOptions } from './graph/training-graph-options.js';
import { createRuntimeBackend, threadsOption } from './onnx-backend.js';
import type { OrtModule } from './ort-like.js';

/** Options of the Node backend. */
export interface OnnxBackendOptions {
  /**
   * Intra-op threads: an integer from 1 to 64, checked when the backend is created
   * (BackendOptionError). 1 by default: measured faster or equal on every bench workload on a 2-core
   * machine (bench/README.md, "Threads").
   */
  readonly threads?: number;
}

/** The ONNX Runtime backend for Node (onnxruntime-node, CPU): `info.name` is `onnx`. */
export function createOnnxBackend(options: OnnxBackendOptions = {}): Backend {
  const threads = threadsOption(options.threads, 1);
  return createRuntimeBackend({
    name: 'onnx',
    runtime: 'onnxruntime-node',
    versionKey: 'node',
    device: 'cpu',
    load: (): Promise<OrtModule> => {
      // onnxruntime-node ships a telemetry client that writes to /tmp and looks up a remote host; onegrad
      // runs offline, so it is off unless the caller has set ORT_DISABLE_TELEMETRY=0 explicitly.
      process.env.ORT_DISABLE_TELEMETRY ??= '1';
      return import('onnxruntime-node');
    },
    sessionOptions: {
      executionProviders: ['cpu'],
      intraOpNumThreads: threads,
      interOpNumThreads: 1,
      logSeverityLevel: 3,
    },
  });
}

/** Writes the training graph of `spec` to `path` as a .onnx file (see {@link trainingGraph}). */
export async function saveTrainingGraph(
  spec: NetworkSpec,
  path: string,
  options: TrainingGraphOptions = {},
): Promise<void> {
  await writeFile(path, trainingGraph(spec, options));
}
