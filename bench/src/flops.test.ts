import { describe, expect, it } from 'vitest';
import { gflops, stepFlops } from './flops.js';

describe('stepFlops', () => {
  it('counts forward and dW for the first layer, and dA too for the others', () => {
    // W3: 784-256-10 at batch 128.
    const first = 2 * 128 * 784 * 256;
    const second = 2 * 128 * 256 * 10;
    expect(stepFlops([784, 256, 10], 128)).toBe(2 * first + 3 * second);
  });

  it('turns a step time into GFLOP/s', () => {
    expect(gflops(2e9, 1000)).toBe(2);
  });
});
