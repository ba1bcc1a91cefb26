import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    // onnxruntime-node's telemetry client would write to /tmp and look up a remote host: keep it off.
    env: { ORT_DISABLE_TELEMETRY: '1' },
  },
});
