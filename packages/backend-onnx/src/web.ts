import type { Backend } from '@onegrad/core';
import { createRuntimeBackend, threadsOption } from './onnx-backend.js';
import type { OrtModule } from './ort-like.js';

export * from './graph-api.js';

/** Options of the browser backend. */
export interface OnnxWebBackendOptions {
  /**
   * Where the runtime fetches its .wasm files (`ort.env.wasm.wasmPaths`): a URL prefix or a map.
   * Leave unset when the bundler serves them beside the runtime's module.
   */
  readonly wasmPaths?: string | Readonly<Record<string, string>>;
  /**
   * WebAssembly threads: an integer from 1 to 64, checked when the backend is created
   * (BackendOptionError); 1 by default (threads need a cross-origin isolated page).
   */
  readonly threads?: number;
}

/** The ONNX Runtime backend for browsers (onnxruntime-web, WebAssembly): `info.name` is `onnx-web`. */
export function createOnnxWebBackend(options: OnnxWebBackendOptions = {}): Backend {
  const threads = threadsOption(options.threads, 1);
  return createRuntimeBackend({
    name: 'onnx-web',
    runtime: 'onnxruntime-web',
    versionKey: 'web',
    device: 'wasm',
    load: async (): Promise<OrtModule> => {
      const ort = await import('onnxruntime-web');
      ort.env.wasm.numThreads = threads;
      if (options.wasmPaths !== undefined)
        ort.env.wasm.wasmPaths = options.wasmPaths as NonNullable<typeof ort.env.wasm.wasmPaths>;
      return ort;
    },
    sessionOptions: { executionProviders: ['wasm'], logSeverityLevel: 3 },
  });
}
