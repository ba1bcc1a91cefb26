import {
  type Backend,
  DisposedError,
  fromRows,
  type Params,
  paramsBitEqual,
  type StepResult,
} from '@onegrad/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedNet } from '../src/seed-net.js';
import { started, TARGETS } from '../src/targets.js';

describe.each(TARGETS)('calls in flight on $label', (target) => {
  const { spec, params, batch } = seedNet(target.dtype);
  const other = {
    x: fromRows([
      [0, 1],
      [1, 0],
      [1, 1],
    ]),
    y: fromRows([[1], [1], [0]]),
  };
  let backend: Backend;
  beforeAll(async () => {
    backend = await started(target);
  });
  afterAll(() => backend.dispose());

  // The same calls awaited one by one on a fresh session: what the calls in flight must equal.
  async function sequential(): Promise<{ results: StepResult[]; between: Params; after: Params }> {
    const s = await backend.createSession(spec, params);
    const first = await s.step(batch, { learningRate: 0.1 });
    const between = await s.getParams();
    const second = await s.step(other, { learningRate: 0.5, trace: true });
    return { results: [first, second], between, after: await s.getParams() };
  }

  it('runs two steps and a getParams in flight in call order, as if awaited one by one', async () => {
    const want = await sequential();
    const s = await backend.createSession(spec, params);
    const [first, between, second, after] = await Promise.all([
      s.step(batch, { learningRate: 0.1 }),
      s.getParams(),
      s.step(other, { learningRate: 0.5, trace: true }),
      s.getParams(),
    ]);
    expect(first.loss).toBe(want.results[0]?.loss);
    expect(second.loss).toBe(want.results[1]?.loss);
    expect(paramsBitEqual(between, want.between)).toBe(true);
    expect(paramsBitEqual(after, want.after)).toBe(true);
    expect(paramsBitEqual(second.trace?.params ?? [], want.after)).toBe(true);
  });

  it('keeps order around setParams and a rejected call in flight', async () => {
    const want = await sequential();
    const s = await backend.createSession(spec, params);
    const calls = [
      s.step(other, { learningRate: 3 }),
      s.setParams(params),
      s.step(batch, { learningRate: -1 }),
      s.step(batch, { learningRate: 0.1 }),
      s.getParams(),
    ];
    const settled = await Promise.allSettled(calls);
    expect(settled.map((r) => r.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
    ]);
    const between = (settled[4] as PromiseFulfilledResult<Params>).value;
    expect(paramsBitEqual(between, want.between)).toBe(true);
  });

  it('keeps two sessions on one backend apart while both have steps in flight', async () => {
    const want = await sequential();
    const [a, b] = [await backend.createSession(spec, params), await backend.createSession(spec, params)];
    await Promise.all([
      a.step(batch, { learningRate: 0.1 }),
      b.step(batch, { learningRate: 0.1 }),
      a.step(other, { learningRate: 0.5 }),
      b.step(other, { learningRate: 0.5 }),
    ]);
    expect(paramsBitEqual(await a.getParams(), want.after)).toBe(true);
    expect(paramsBitEqual(await b.getParams(), want.after)).toBe(true);
  });

  it('settles a step in flight at dispose as done or DisposedError, and disposes twice harmlessly', async () => {
    const want = await sequential();
    const s = await backend.createSession(spec, params);
    const pending = s.step(batch, { learningRate: 0.1 }).then(
      (r) => r.loss,
      (e: unknown) => e,
    );
    s.dispose();
    expect(() => s.dispose()).not.toThrow();
    const outcome = await pending;
    if (typeof outcome === 'number') expect(outcome).toBe(want.results[0]?.loss);
    else expect(outcome).toBeInstanceOf(DisposedError);
    const spare = await started(target);
    await spare.dispose();
    await expect(spare.dispose()).resolves.toBeUndefined();
  });
});
