import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    // onnxruntime-node's telemetry client would write to /tmp and look up a remote host: keep it off.
    env: { ORT_DISABLE_TELEMETRY: '1' },
    include: ['src/**/*.test.ts', 'e2e/**/*.test.ts'],
    // The browser test drives one Chromium for the whole page; it needs more than the default 5 s.
    testTimeout: 90_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
