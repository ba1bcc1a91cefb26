import { createTfjsBackend, MAX_CALL_BYTES } from '@onegrad/backend-tfjs';
import { BackendOptionError, CapacityError, type Matrix, paramsBitEqual } from '@onegrad/core';
import { describe, expect, it } from 'vitest';
import { seedNet } from '../src/seed-net.js';
import { expectUntouched } from './backends.js';
import { rejection } from './rejected-call.js';

const rowsOf = (rows: number, cols: number, value: number): Matrix => ({
  rows,
  cols,
  data: new Float32Array(rows * cols).fill(value),
});

describe.each(['cpu', 'wasm'] as const)('tfjs-%s refuses a batch larger than it can hold', (tfBackend) => {
  it('with a lowered budget: CapacityError naming the batch, parameters untouched, next step a fresh one', async () => {
    const backend = createTfjsBackend({ tfBackend, maxCallBytes: 1e6 });
    const { spec, params, batch, learningRate } = seedNet('float32');
    const session = await backend.createSession(spec, params);
    const big = { x: rowsOf(10_000, 2, 1), y: rowsOf(10_000, 1, 1) };
    const error = await rejection(() => session.step(big, { learningRate }));
    expect(error).toBeInstanceOf(CapacityError);
    expect((error as CapacityError).parameter).toBe('batch.x');
    expect((error as Error).message).toContain('10000 rows of [2, 2, 1]');
    const run = await rejection(() => session.train(big, { learningRate, steps: 3 }));
    expect((run as CapacityError).parameter).toBe('batch.x');
    const forward = await rejection(() => session.forward(rowsOf(30_000, 2, 1)));
    expect((forward as CapacityError).parameter).toBe('x');
    await expectUntouched(backend, session, params, batch, learningRate);
    // 1,000 rows fit in 1 MB: the budget refuses only what exceeds it.
    await session.step({ x: rowsOf(1000, 2, 1), y: rowsOf(1000, 1, 1) }, { learningRate });
    await backend.dispose();
  });

  it(`at the real limit (${MAX_CALL_BYTES} bytes): 14M rows of [2, 2, 1] are refused before allocating`, async () => {
    const backend = createTfjsBackend({ tfBackend });
    const { spec, params, learningRate } = seedNet('float32');
    const session = await backend.createSession(spec, params);
    const rows = 14_000_000;
    const error = await rejection(() =>
      session.step({ x: rowsOf(rows, 2, 1), y: rowsOf(rows, 1, 1) }, { learningRate }),
    );
    expect(error).toBeInstanceOf(CapacityError);
    expect(paramsBitEqual(await session.getParams(), params)).toBe(true);
    await backend.dispose();
  });

  it('refuses an invalid maxCallBytes when the backend is created', () => {
    for (const bad of [0, -1, Number.NaN, '1e6']) {
      expect(() => createTfjsBackend({ tfBackend, maxCallBytes: bad as number })).toThrow(BackendOptionError);
    }
  });
});

describe.each(['cpu', 'wasm'] as const)('tfjs-%s sums a large batch cost in blocks', (tfBackend) => {
  it('the cost of 1M identical rows is one row cost within the blocked-sum bound', async () => {
    const backend = createTfjsBackend({ tfBackend });
    const { spec, params } = seedNet('float32');
    const session = await backend.createSession(spec, params);
    const learningRate = 1e-30;
    const one = await session.step({ x: rowsOf(1, 2, 1), y: rowsOf(1, 1, 1) }, { learningRate });
    const rows = 1_000_000;
    const all = await session.step({ x: rowsOf(rows, 2, 1), y: rowsOf(rows, 1, 1) }, { learningRate });
    // Three levels of blocks of SUM_BLOCK (256) below 1M terms, each adding at most 256 u relative error.
    const bound = 3 * 256 * 2 ** -24;
    expect(Math.abs(all.loss - one.loss) / one.loss).toBeLessThan(bound);
    await backend.dispose();
  });
});
