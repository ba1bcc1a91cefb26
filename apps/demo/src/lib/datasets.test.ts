import { describe, expect, it } from 'vitest';
import { ALL_DATASET_NAMES, classesOf, DATASET_NAMES, makeDataset, toBatch } from './datasets.js';

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

  it('draws blobs3 from its seed: three classes, cycling 0, 1, 2, one cluster each', () => {
    const a = makeDataset('blobs3', 3);
    expect(makeDataset('blobs3', 3)).toEqual(a);
    expect(makeDataset('blobs3', 4).points).not.toEqual(a.points);
    expect(a.classes).toBe(3);
    expect(a.points).toHaveLength(120);
    expect(a.labels.slice(0, 6)).toEqual([0, 1, 2, 0, 1, 2]);
    for (const [x, y] of a.points) expect(Math.max(Math.abs(x), Math.abs(y))).toBeLessThan(1.5);
    // The clusters do not overlap: each point lies nearer its own centre than any other.
    const centres = [0, 1, 2].map((k) => {
      const phi = Math.PI / 2 + (k * 2 * Math.PI) / 3;
      return [0.8 * Math.cos(phi), 0.8 * Math.sin(phi)] as const;
    });
    a.points.forEach(([x, y], i) => {
      const d = centres.map(([cx, cy]) => Math.hypot(x - cx, y - cy));
      expect(d.indexOf(Math.min(...d))).toBe(a.labels[i]);
    });
  });

  it('gives one-hot targets, m x classes, for a softmax output', () => {
    const b = toBatch(makeDataset('blobs3'), 'float64');
    expect([b.y.rows, b.y.cols]).toEqual([120, 3]);
    expect(Array.from(b.y.data.subarray(0, 9))).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 1]);
    const moons = toBatch(makeDataset('moons'), 'float32', true);
    expect([moons.y.rows, moons.y.cols]).toEqual([120, 2]);
    expect(Array.from(moons.y.data.subarray(0, 4))).toEqual([1, 0, 0, 1]);
    expect(() => toBatch(makeDataset('blobs3'), 'float32', false)).toThrow(
      /3 classes: its targets are one-hot/,
    );
  });

  it('knows every class count before drawing', () => {
    for (const name of ALL_DATASET_NAMES) expect(makeDataset(name).classes).toBe(classesOf(name));
    expect(DATASET_NAMES).not.toContain('blobs3');
  });
});
