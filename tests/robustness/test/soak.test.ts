import { describe, expect, it } from 'vitest';
import { leaks, soak } from '../src/soak-run.js';
import { TARGETS } from '../src/targets.js';

// The short version of `pnpm soak` (100,000 steps): 2,000 seed steps per backend.
describe.each(TARGETS)('soak of $label', (target) => {
  it('trains 2,000 seed steps with no growth beyond noise', async () => {
    const r = await soak(target, 2000);
    expect(leaks(r)).toEqual([]);
    expect(r.loss).toBeLessThan(0.1);
    if (r.start.tensors !== undefined) expect(r.tensorsAfterDispose?.[1]).toBe(r.tensorsAfterDispose?.[0]);
  });
});
