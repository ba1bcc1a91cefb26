import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    include: ['src/**/*.test.ts'],
    // onnxruntime-node's telemetry client would write to /tmp and look up a remote host: keep it off.
    env: { ORT_DISABLE_TELEMETRY: '1' },
    // Compiling a graph on both runtimes takes seconds on a loaded two-core machine.
    testTimeout: 60_000,
  },
});
