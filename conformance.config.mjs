// The backends `pnpm conformance` runs: each entry is a ConformanceTarget of @onegrad/conformance.
// Backends are imported lazily, so the suite itself never depends on one.
const { createTsBackend } = await import('@onegrad/backend-ts');
const { createTfjsBackend } = await import('@onegrad/backend-tfjs');
const { createOnnxBackend } = await import('@onegrad/backend-onnx');

export default [
  { name: 'ts', create: () => createTsBackend() },
  { name: 'tfjs-cpu', create: () => createTfjsBackend({ tfBackend: 'cpu' }) },
  { name: 'tfjs-wasm', create: () => createTfjsBackend({ tfBackend: 'wasm' }), flushesSubnormals: true },
  { name: 'onnx', create: () => createOnnxBackend() },
];
