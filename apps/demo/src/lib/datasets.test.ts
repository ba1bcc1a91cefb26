import { describe, expect, it } from 'vitest';
import { DATASET_NAMES, makeDataset, toBatch } from './datasets.js';

describe('datasets', () => {
  it("gives the seed's two points and XOR's four corners", () => {
    expect(makeDataset('seed')).toMatchObject({
      points: [
        [1, 1],
        [0, 0],
      ],
      labels: [1, 0],
    });
    expect(makeDataset('xor').labels).toEqual([0, 1, 1, 0]);
  });

  it.each(DATASET_NAMES.filter((n) => n !== 'seed' && n !== 'xor'))('draws %s from its seed', (name) => {
    const a = makeDataset(name, 3);
    expect(makeDataset(name, 3)).toEqual(a);
    expect(makeDataset(name, 4).points).not.toEqual(a.points);
    expect(a.points).toHaveLength(120);
    expect(a.labels.slice(0, 4)).toEqual([0, 1, 0, 1]);
    for (const [x, y] of a.points) expect(Math.max(Math.abs(x), Math.abs(y))).toBeLessThan(2);
  });

  it('turns a dataset into one batch in row layout', () => {
    const b = toBatch(makeDataset('seed'), 'float32');
    expect([b.x.rows, b.x.cols, b.y.rows, b.y.cols]).toEqual([2, 2, 2, 1]);
    expect(b.x.data).toBeInstanceOf(Float32Array);
    expect(Array.from(b.y.data)).toEqual([1, 0]);
  });
});
