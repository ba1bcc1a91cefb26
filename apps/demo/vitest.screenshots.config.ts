import { defineProject } from 'vitest/config';

// `pnpm screenshots`: refreshes the README's pictures (docs/*.png). Never part of `pnpm test`, which must
// not write tracked files.
export default defineProject({
  test: {
    env: { ORT_DISABLE_TELEMETRY: '1' },
    include: ['e2e/**/*.shots.ts'],
    testTimeout: 180_000,
    hookTimeout: 60_000,
  },
});
