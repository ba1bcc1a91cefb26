import { describe, expect, it } from 'vitest';
import { DIVERGENCE_FACTOR, LossWatch } from './index.js';

describe('LossWatch', () => {
  it('flags a cost more than DIVERGENCE_FACTOR times the first, and forgets on reset', () => {
    const watch = new LossWatch();
    expect(watch.observe(0.7)).toBe(false);
    expect(watch.observe(0.7 * DIVERGENCE_FACTOR)).toBe(false);
    expect(watch.observe(0.7 * DIVERGENCE_FACTOR * 1.01)).toBe(true);
    expect(watch.observe(0.1)).toBe(false);
    watch.reset();
    expect(watch.observe(1000)).toBe(false);
    expect(watch.observe(2000)).toBe(false);
  });
});
