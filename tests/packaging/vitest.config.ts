import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    // onnxruntime-node's telemetry client would write to /tmp and look up a remote host: keep it off.
    env: { ORT_DISABLE_TELEMETRY: '1' },
    include: ['test/**/*.test.ts'],
    globalSetup: ['src/global-setup.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
