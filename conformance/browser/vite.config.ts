import { defineConfig } from 'vite';

// One copy of tfjs-core for @onegrad/backend-tfjs, its wasm backend and the WebGPU backend tried here,
// so the backends the page registers are the ones createTfjsBackend activates.
export default defineConfig({
  base: './',
  logLevel: 'warn',
  resolve: { dedupe: ['@tensorflow/tfjs-core', '@tensorflow/tfjs-backend-wasm'] },
  // Not minified: core's errors take their name from their class (new.target.name), which minifying renames.
  build: { target: 'es2022', minify: false, chunkSizeWarningLimit: 8192, reportCompressedSize: false },
});
