import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  build: { outDir: 'dist/web', target: 'es2022', chunkSizeWarningLimit: 4096 },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  preview: { host: '127.0.0.1', port: 5173 },
  server: { host: '127.0.0.1' },
});
