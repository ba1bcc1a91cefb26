import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The page uses onnxruntime-web's WebAssembly execution provider only, so it is served the plain wasm
// build (about 14 MB) instead of the default bundle's WebGPU/WebNN build (about 28 MB).
const fromOnnx = createRequire(
  fileURLToPath(new URL('../../packages/backend-onnx/package.json', import.meta.url)),
);
const ortWasm = join(dirname(fromOnnx.resolve('onnxruntime-web/wasm')), 'ort.wasm.bundle.min.mjs');

// Cross-origin isolation lets the page share WebAssembly memory with workers (SharedArrayBuffer), which
// onnxruntime-web's threads need; every resource of the page is served from this origin.
const ISOLATED = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  base: './',
  build: { outDir: 'dist/web', target: 'es2022', chunkSizeWarningLimit: 4096 },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  resolve: { alias: [{ find: /^onnxruntime-web$/, replacement: ortWasm }] },
  // The engine worker imports the engines lazily (onnxruntime-web on first use): an ES module worker.
  worker: { format: 'es' },
  preview: { host: '127.0.0.1', port: 5173, headers: ISOLATED },
  server: { host: '127.0.0.1', headers: ISOLATED },
});
