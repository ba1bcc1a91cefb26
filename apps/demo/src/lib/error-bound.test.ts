import { UNIT_ROUNDOFF } from '@onegrad/core';
import { describe, expect, it } from 'vitest';
import { jumpRatio } from './continuity.js';
import { worstRatio } from './error-bound.js';

describe('worstRatio', () => {
  it('is 0 for equal values and counts roundings otherwise', () => {
    expect(worstRatio([1, 2], [1, 2], 'float32')).toBe(0);
    const u = UNIT_ROUNDOFF.float32;
    // |x - ref| = 2u at |ref| = 1 with a largest |ref| of 1: 2u / (u (1 + 1)) = 1.
    expect(worstRatio([1 + 2 * u, 0.5], [1, 0.5], 'float32')).toBeCloseTo(1, 12);
  });

  it('is infinite when one side is not finite and the other is', () => {
    expect(worstRatio([Number.NaN], [1], 'float64')).toBe(Number.POSITIVE_INFINITY);
    expect(worstRatio([Number.NaN], [Number.NaN], 'float64')).toBe(0);
  });
});

describe('jumpRatio', () => {
  const smooth = [1, 0.9, 0.82, 0.76, 0.71, 0.67, 0.64, 0.62];
  it('stays near or below 1 where the cost goes on smoothly', () => {
    expect(jumpRatio(smooth, 6, 'float32')).toBeLessThanOrEqual(1);
  });
  it('is far above 1 where the cost jumps', () => {
    const jumped = [...smooth.slice(0, 6), 1.2, 1.1];
    expect(jumpRatio(jumped, 6, 'float32')).toBeGreaterThan(3);
  });
});
