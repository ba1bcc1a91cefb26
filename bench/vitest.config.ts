import { defineProject } from 'vitest/config';

// The smoke test spawns one child process per row: give it room on a busy 2-core machine.
export default defineProject({
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    // onnxruntime-node's telemetry client would write to /tmp and look up a remote host: keep it off.
    env: { ORT_DISABLE_TELEMETRY: '1' },
  },
});
