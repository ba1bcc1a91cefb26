import { createTsBackend } from '@onegrad/backend-ts';
import { initParams, type NetworkSpec } from '@onegrad/core';
import { describe, expect, it } from 'vitest';
import { BackendPool } from './backend-pool.js';
import { jumpRatio } from './continuity.js';
import { makeDataset, toBatch } from './datasets.js';
import { Lockstep, lanesOf } from './lockstep.js';
import { Trainer } from './trainer.js';

// Two pure-TypeScript entries stand in for two engines: the handover and the bookkeeping are the same.
const pool = () =>
  new BackendPool([
    { id: 'ts', label: 'a', dtypes: ['float32', 'float64'], create: createTsBackend },
    { id: 'other', label: 'b', dtypes: ['float32'], create: createTsBackend },
  ]);

describe('Trainer', () => {
  it('hands the parameters over bit for bit and the cost goes on as if nothing happened', async () => {
    const spec: NetworkSpec = { sizes: [2, 4, 1], loss: 'bce', dtype: 'float32' };
    const batch = toBatch(makeDataset('moons'), 'float32');
    const switched = await Trainer.start(pool(), 'ts', spec, batch, initParams(spec, 2));
    const straight = await Trainer.start(pool(), 'ts', spec, batch, initParams(spec, 2));
    for (let k = 0; k < 40; k++) {
      if (k === 20)
        expect(await switched.switchTo('other')).toMatchObject({ step: 20, bitEqual: true, outputRatio: 0 });
      await switched.step(0.5);
      await straight.step(0.5);
    }
    expect(switched.history.map((p) => p.loss)).toEqual(straight.history.map((p) => p.loss));
    expect(switched.history[20]?.backend).toBe('other');
    expect(
      jumpRatio(
        switched.history.map((p) => p.loss),
        20,
        'float32',
      ),
    ).toBeLessThan(1.5);
  });
});

describe('Lockstep', () => {
  it('compares every lane with ts float64, each step', async () => {
    const p = pool();
    const lanes = lanesOf(p);
    expect(lanes.map((l) => l.key)).toEqual(['ts f32', 'other f32']);
    const batch = toBatch(makeDataset('xor'), 'float64');
    const ls = await Lockstep.start(p, lanes, { sizes: [2, 3, 1], loss: 'bce' }, batch, 1);
    for (let k = 0; k < 5; k++) await ls.step(1, true);
    const last = ls.points.at(-1)!;
    expect(last.step).toBe(5);
    // One float32 step from the same start: a few roundings apart, never zero, never wild.
    for (const key of ['ts f32', 'other f32']) {
      expect(last.ratios[key]).toBeGreaterThan(0);
      expect(last.ratios[key]).toBeLessThan(64);
    }
    ls.dispose();
  });
});
