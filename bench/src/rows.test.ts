import { describe, expect, it } from 'vitest';
import { allRows, filterRows } from './rows.js';
import { rowId } from './types.js';

describe('filterRows', () => {
  it('keeps every row without a filter', () => {
    expect(filterRows(allRows(), undefined)).toHaveLength(48);
  });

  it('ands terms joined by + and ors comma-separated alternatives', () => {
    const picked = filterRows(allRows(), 'W1+onnx,W2+ts+float64').map(rowId);
    expect(picked).toEqual([
      'W1/onegrad-onnx/ort-cpu/float32',
      'W1/onegrad-onnx/ort-cpu/float64',
      'W2/onegrad-ts/js/float64',
    ]);
  });
});
