import { describe, expect, it } from 'vitest';
import { labelRows } from './loss-chart.js';

describe('labelRows', () => {
  it('puts a label on the first row it clears and never lets two on one row overlap', () => {
    const xs = [10, 30, 50, 200, 205];
    const widths = [40, 40, 40, 40, 40];
    const rows = labelRows(xs, widths, 4);
    expect(rows).toEqual([0, 1, 0, 0, 1]);
    for (let a = 0; a < xs.length; a++)
      for (let b = a + 1; b < xs.length; b++)
        if (rows[a] === rows[b]) expect(xs[b]! >= xs[a]! + widths[a]!).toBe(true);
  });
});
