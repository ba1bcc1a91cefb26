import { createTsBackend } from '@onegrad/backend-ts';
import { THRESHOLD } from '@onegrad/conformance/judge';
import { describe, expect, it } from 'vitest';
import { BackendPool } from './backend-pool.js';
import { makeDataset, toBatch } from './datasets.js';
import { headRows, Lockstep, lanesOf } from './lockstep.js';

const pool = () =>
  new BackendPool([
    { id: 'ts', label: 'a', dtypes: ['float32', 'float64'], create: createTsBackend },
    { id: 'other', label: 'b', dtypes: ['float32'], create: createTsBackend },
  ]);

describe('Lockstep', () => {
  it('judges every lane, one step at a time from the reference, with the error model', async () => {
    const p = pool();
    const lanes = lanesOf(p);
    expect(lanes.map((l) => l.key)).toEqual(['ts f32', 'other f32']);
    const batch = toBatch(makeDataset('xor'), 'float64');
    const ls = await Lockstep.start(p, lanes, { sizes: [2, 3, 1], loss: 'bce' }, batch, 1);
    for (let k = 1; k <= 6; k++) await ls.step(1, k % 3 === 0);
    expect(ls.points.map((q) => q.step)).toEqual([3, 6]);
    for (const point of ls.points) {
      for (const key of ['ts f32', 'other f32']) {
        // float32 is never bit-equal to the 50-digit reference, and a conforming backend is within bounds.
        expect(point.ratios[key]).toBeGreaterThan(0);
        expect(point.ratios[key]).toBeLessThanOrEqual(THRESHOLD);
      }
    }
    ls.dispose();
  });

  it('judges on the first rows of the batch when asked to', () => {
    const x = toBatch(makeDataset('moons'), 'float32').x;
    const head = headRows(x, 16);
    expect([head.rows, head.cols]).toEqual([16, 2]);
    expect(Array.from(head.data)).toEqual(Array.from(x.data.slice(0, 32)));
    expect(headRows(x, 1000).rows).toBe(x.rows);
  });
});
