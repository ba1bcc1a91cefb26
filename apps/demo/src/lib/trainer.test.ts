import { createTsBackend } from '@onegrad/backend-ts';
import { judgeStep, THRESHOLD } from '@onegrad/conformance/judge';
import {
  type Backend,
  DisposedError,
  initParams,
  type NetworkSpec,
  ShapeError,
  type TrainingSession,
} from '@onegrad/core';
import { describe, expect, it } from 'vitest';
import { BackendPool } from './backend-pool.js';
import { makeDataset, toBatch } from './datasets.js';
import { Trainer } from './trainer.js';

// A real ts backend that remembers the sessions it made, so a test can see whether they were released.
function remembering(made: TrainingSession[]): Backend {
  const backend = createTsBackend();
  return {
    ...backend,
    async createSession(spec, params) {
      const session = await backend.createSession(spec, params);
      made.push(session);
      return session;
    },
  };
}

// Two pure-TypeScript entries stand in for two engines: the handover and the bookkeeping are the same.
const pool = (made: TrainingSession[] = []) =>
  new BackendPool([
    { id: 'ts', label: 'a', dtypes: ['float32', 'float64'], create: createTsBackend },
    { id: 'other', label: 'b', dtypes: ['float32'], create: () => remembering(made) },
  ]);

const spec: NetworkSpec = { sizes: [2, 4, 1], loss: 'bce', dtype: 'float32' };
const moons = toBatch(makeDataset('moons'), 'float32');

describe('Trainer', () => {
  it('hands the parameters over bit for bit and the cost goes on as if nothing happened', async () => {
    const switched = await Trainer.start(pool(), 'ts', spec, moons, initParams(spec, 2));
    const straight = await Trainer.start(pool(), 'ts', spec, moons, initParams(spec, 2));
    for (let k = 0; k < 40; k++) {
      if (k === 20) expect(await switched.switchTo('other')).toMatchObject({ step: 20, bitEqual: true });
      await switched.step(0.5);
      await straight.step(0.5);
    }
    expect(switched.history.map((p) => p.loss)).toEqual(straight.history.map((p) => p.loss));
    expect(switched.history[20]?.backend).toBe('other');
  });

  it('traces and judges the first step after a switch, from the handed-over parameters', async () => {
    const t = await Trainer.start(pool(), 'ts', spec, moons, initParams(spec, 2));
    for (let k = 0; k < 5; k++) await t.step(0.5);
    const handed = await t.getParams();
    await t.switchTo('other');
    await t.step(0.5);
    const first = t.switches[0]?.firstStep;
    expect(first).toMatchObject({ step: 6, backend: 'other', params: handed, learningRate: 0.5 });
    expect(first?.pass).toBe(true);
    expect(first?.worstRatio).toBeLessThanOrEqual(THRESHOLD);
    // The verdict can fail: the same trace judged from other starting parameters is far outside.
    const elsewhere = judgeStep(
      { spec, params: initParams(spec, 9), batch: moons, learningRate: 0.5 },
      first!.result,
    );
    expect(elsewhere.pass).toBe(false);
  });

  it('releases the new session and stays put when the new engine fails after the session was made', async () => {
    const made: TrainingSession[] = [];
    // Inputs with 3 columns for a network with 2: the new engine's forward rejects them for real.
    const wide = toBatch(makeDataset('moons'), 'float32');
    const bad = { ...wide, x: { rows: wide.x.rows, cols: 3, data: new Float32Array(wide.x.rows * 3) } };
    const t = await Trainer.start(pool(made), 'ts', spec, bad, initParams(spec, 2));
    await expect(t.switchTo('other')).rejects.toThrow(ShapeError);
    expect(made).toHaveLength(1);
    await expect(made[0]!.getParams()).rejects.toThrow(DisposedError);
    expect([t.backendId, t.switches.length]).toEqual(['ts', 0]);
    expect(await t.getParams()).toEqual(initParams(spec, 2));
  });

  it('stays put when the target engine was disposed before the switch', async () => {
    const p = pool();
    const t = await Trainer.start(p, 'ts', spec, moons, initParams(spec, 2));
    await (await p.get('other')).dispose();
    await expect(t.switchTo('other')).rejects.toThrow(DisposedError);
    await t.step(0.5);
    expect([t.backendId, t.steps]).toEqual(['ts', 1]);
  });
});
