import { describe, expect, it } from 'vitest';
import { chanceCost, DIVERGENCE_FACTOR, LossWatch } from './index.js';

describe('LossWatch', () => {
  const bce = chanceCost({ sizes: [2, 2, 1], loss: 'bce', dtype: 'float32' });

  it('flags a cost more than DIVERGENCE_FACTOR times the first, and forgets on reset', () => {
    const watch = new LossWatch(bce);
    expect(watch.observe(2)).toBe(false);
    expect(watch.observe(2 * DIVERGENCE_FACTOR)).toBe(false);
    expect(watch.observe(2 * DIVERGENCE_FACTOR * 1.01)).toBe(true);
    expect(watch.observe(0.1)).toBe(false);
    watch.reset();
    expect(watch.observe(5000)).toBe(false);
    expect(watch.observe(6000)).toBe(false);
  });

  it('measures from the chance cost when the first cost is tiny (an easy first batch)', () => {
    const watch = new LossWatch(bce);
    expect(watch.observe(0)).toBe(false);
    expect(watch.observe(0.35)).toBe(false);
    expect(watch.observe(DIVERGENCE_FACTOR * Math.LN2 * 1.01)).toBe(true);
  });

  it('knows the chance cost of each loss', () => {
    expect(chanceCost({ sizes: [3, 10], loss: 'bce', dtype: 'float64' })).toBeCloseTo(10 * Math.LN2, 15);
    expect(chanceCost({ sizes: [3, 10], loss: 'mse', dtype: 'float64' })).toBe(2.5);
  });
});
