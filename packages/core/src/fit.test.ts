import { describe, expect, it } from 'vitest';
import {
  type BackendEngine,
  cloneMatrix,
  createBackend,
  DivergenceError,
  type EngineStep,
  FitOptionsError,
  fit as fitSession,
  fromRows,
  LearningRateError,
  type Matrix,
  matrix,
  type NetworkSpec,
  type Params,
  paramsBitEqual,
  ShapeError,
  type TrainingSession,
  toRows,
} from './index.js';
import { outputCost } from './output-cost.js';

const spec: NetworkSpec = { sizes: [2, 1], loss: 'mse', dtype: 'float64', activations: ['identity'] };

// Ten samples of y = 2 x0 - x1 + 0.5, row i holding x = (i / 10, (i % 3) / 3).
const X = fromRows(Array.from({ length: 10 }, (_, i) => [i / 10, (i % 3) / 3]));
const Y = fromRows(toRows(X).map(([a, b]) => [2 * (a as number) - (b as number) + 0.5]));
const start: Params = [{ W: fromRows([[0], [0]]), b: fromRows([[0]]) }];

/**
 * A least-squares layer (identity + mse) in plain loops: A = XW + b, J = mean (A - Y)^2, dZ = 2 (A - Y),
 * dW = X^T dZ / m, db = mean dZ. It records the first input column of every batch it steps on, so a test
 * sees which rows fit sent; `failAt` makes that step's update non-finite.
 */
function leastSquares(seen: number[][], failAt = -1): BackendEngine {
  return {
    info: { name: 'least-squares', engine: 'test loops', dtypes: ['float64'] },
    load: async () => undefined,
    createSession(_spec, params) {
      let current = params;
      const forward = (x: Matrix): Matrix => {
        const { W, b } = current[0] as Params[number];
        const out = Array.from({ length: x.rows }, (_, i) => {
          let z = b.data[0] as number;
          for (let j = 0; j < x.cols; j++) z += (x.data[i * x.cols + j] as number) * (W.data[j] as number);
          return z;
        });
        return matrix(x.rows, 1, out);
      };
      return {
        forward,
        step(x, y, lr): EngineStep {
          seen.push(toRows(x).map((r) => r[0] as number));
          const a = forward(x);
          const m = x.rows;
          const dZ = Array.from(a.data, (v, i) => 2 * (v - (y.data[i] as number)));
          const loss =
            Array.from(a.data, (v, i) => (v - (y.data[i] as number)) ** 2).reduce((s, t) => s + t) / m;
          const { W, b } = current[0] as Params[number];
          const dW = [0, 1].map(
            (j) => dZ.reduce((s, d, i) => s + (x.data[i * x.cols + j] as number) * d, 0) / m,
          );
          const db = dZ.reduce((s, d) => s + d) / m;
          const poison = seen.length - 1 === failAt ? Number.NaN : 0;
          const next: Params = [
            {
              W: matrix(
                2,
                1,
                [0, 1].map((j) => (W.data[j] as number) - lr * (dW[j] as number) + poison),
              ),
              b: matrix(1, 1, [(b.data[0] as number) - lr * db]),
            },
          ];
          return {
            loss,
            finite: next.every((p) => p.W.data.every(Number.isFinite)),
            readUpdate: () => next,
            commit: () => {
              current = next;
            },
            discard: () => undefined,
          };
        },
        readParams: () => current,
        writeParams: (p) => {
          current = p;
        },
        release: () => undefined,
      };
    },
    release: () => undefined,
  };
}

async function session(seen: number[][] = [], failAt = -1): Promise<TrainingSession> {
  return createBackend(leastSquares(seen, failAt)).createSession(spec, start);
}

const column = (m: Matrix): number[] => toRows(m).map((r) => r[0] as number);

describe('fit', () => {
  it('on a full batch takes one step per epoch and matches a loop of session.step bit for bit', async () => {
    const byFit = await session();
    const history = await fitSession(byFit, { x: X, y: Y }, { learningRate: 0.3, epochs: 250 });
    const byHand = await session();
    const losses: number[] = [];
    for (let e = 0; e < 250; e++)
      losses.push((await byHand.step({ x: X, y: Y }, { learningRate: 0.3 })).loss);
    expect(Array.from(history.loss)).toEqual(losses);
    expect(Array.from(history.stepLoss)).toEqual(losses);
    expect(paramsBitEqual(await byFit.getParams(), await byHand.getParams())).toBe(true);
    expect(history.loss[249]).toBeLessThan((history.loss[0] as number) / 100);
    expect(history).toMatchObject({ diverging: false, validationLoss: undefined });
  });

  it('visits every row once per epoch in mini-batches, the last one smaller, the epoch cost their row-weighted mean', async () => {
    const seen: number[][] = [];
    const steps: number[] = [];
    const history = await fitSession(
      await session(seen),
      { x: X, y: Y },
      { learningRate: 0.1, epochs: 3, batchSize: 4, onStep: (p) => void steps.push(p.loss) },
    );
    expect(seen.map((b) => b.length)).toEqual([4, 4, 2, 4, 4, 2, 4, 4, 2]);
    for (let e = 0; e < 3; e++) {
      expect(
        seen
          .slice(3 * e, 3 * e + 3)
          .flat()
          .sort(),
      ).toEqual(column(X).sort());
    }
    expect(Array.from(history.stepLoss)).toEqual(steps);
    const mean = ((steps[0] as number) * 4 + (steps[1] as number) * 4 + (steps[2] as number) * 2) / 10;
    expect(history.loss[0]).toBe(mean);
  });

  it('shuffles with its seed: the same seed repeats the run, another seed changes the order, shuffle false keeps it', async () => {
    const orders = async (options: { seed?: number; shuffle?: boolean }) => {
      const seen: number[][] = [];
      await fitSession(
        await session(seen),
        { x: X, y: Y },
        { learningRate: 0.1, epochs: 2, batchSize: 3, ...options },
      );
      return seen.flat();
    };
    const seven = await orders({ seed: 7 });
    expect(await orders({ seed: 7 })).toEqual(seven);
    expect(await orders({ seed: 8 })).not.toEqual(seven);
    expect(seven.slice(0, 10)).not.toEqual(seven.slice(10));
    const inOrder = await orders({ shuffle: false });
    expect(inOrder).toEqual([...column(X), ...column(X)]);
  });

  it('reports the validation cost after each epoch and awaits its callbacks in order', async () => {
    const s = await session();
    const vx = fromRows([
      [0.25, 0.5],
      [0.75, 0],
    ]);
    const vy = fromRows([[0.5], [2]]);
    const events: string[] = [];
    const history = await fitSession(
      s,
      { x: X, y: Y },
      {
        learningRate: 0.2,
        epochs: 3,
        batchSize: 5,
        validation: { x: vx, y: vy },
        onStep: async (p) => {
          await Promise.resolve();
          events.push(`step ${p.epoch}.${p.step}/${p.steps}`);
        },
        onEpoch: async (p) => {
          await Promise.resolve();
          events.push(`epoch ${p.epoch}/${p.epochs} ${Number.isFinite(p.validationLoss)}`);
        },
      },
    );
    expect(events).toEqual([
      'step 0.0/2',
      'step 0.1/2',
      'epoch 0/3 true',
      'step 1.0/2',
      'step 1.1/2',
      'epoch 1/3 true',
      'step 2.0/2',
      'step 2.1/2',
      'epoch 2/3 true',
    ]);
    expect(history.validationLoss?.[2]).toBe(outputCost('mse', await s.forward(vx), vy));
  });

  it('reads the data once: changing it during training changes nothing', async () => {
    const x = cloneMatrix(X);
    const y = cloneMatrix(Y);
    const seen: number[][] = [];
    await fitSession(
      await session(seen),
      { x, y },
      {
        learningRate: 0.1,
        epochs: 2,
        batchSize: 10,
        shuffle: false,
        onStep: () => {
          x.data.fill(Number.NaN);
          y.data.fill(Number.NaN);
        },
      },
    );
    expect(seen).toEqual([column(X), column(X)]);
  });

  it('stops between steps when its signal aborts, rejecting with the reason and keeping the steps made', async () => {
    const seen: number[][] = [];
    const controller = new AbortController();
    const s = await session(seen);
    const run = fitSession(
      s,
      { x: X, y: Y },
      {
        learningRate: 0.1,
        epochs: 5,
        batchSize: 2,
        onStep: (p) => {
          if (p.epoch === 1 && p.step === 2) controller.abort(new Error('stop'));
        },
        signal: controller.signal,
      },
    );
    await expect(run).rejects.toThrow('stop');
    expect(seen).toHaveLength(8);
    const aborted = AbortSignal.abort();
    await expect(
      fitSession(s, { x: X, y: Y }, { learningRate: 0.1, epochs: 1, signal: aborted }),
    ).rejects.toThrow(/abort/i);
    expect(seen).toHaveLength(8);
  });

  it('rejects with DivergenceError at a non-finite step, the parameters those of the last good step', async () => {
    const s = await session([], 3);
    let before: Params = start;
    const run = fitSession(
      s,
      { x: X, y: Y },
      {
        learningRate: 0.1,
        epochs: 2,
        batchSize: 5,
        onStep: async (p) => {
          if (p.epoch === 1 && p.step === 0) before = await s.getParams();
        },
      },
    );
    await expect(run).rejects.toBeInstanceOf(DivergenceError);
    expect(paramsBitEqual(await s.getParams(), before)).toBe(true);
  });

  it('refuses bad options with a typed error naming the option, before any step', async () => {
    const seen: number[][] = [];
    const s = await session(seen);
    const data = { x: X, y: Y };
    const ok = { learningRate: 0.1, epochs: 1 };
    const cases: [object, unknown, string][] = [
      [{ ...ok, learningRate: 0 }, LearningRateError, 'options.learningRate'],
      [{ ...ok, epochs: 0 }, FitOptionsError, 'options.epochs'],
      [{ ...ok, epochs: 2.5 }, FitOptionsError, 'options.epochs'],
      [{ ...ok, batchSize: -1 }, FitOptionsError, 'options.batchSize'],
      [{ ...ok, shuffle: 'yes' }, FitOptionsError, 'options.shuffle'],
      [{ ...ok, seed: Number.NaN }, FitOptionsError, 'options.seed'],
      [{ ...ok, onEpoch: 3 }, FitOptionsError, 'options.onEpoch'],
      [{ ...ok, onStep: {} }, FitOptionsError, 'options.onStep'],
      [{ ...ok, signal: true }, FitOptionsError, 'options.signal'],
      [{ ...ok, validation: { x: X, y: fromRows([[1]]) } }, ShapeError, 'options.validation.y'],
    ];
    for (const [options, type, parameter] of cases) {
      const error = await fitSession(s, data, options as never).catch((e: unknown) => e);
      expect(error, parameter).toBeInstanceOf(type);
      expect(error).toMatchObject({ parameter });
    }
    const bad = await fitSession(s, { x: X, y: fromRows([[1]]) }, ok).catch((e: unknown) => e);
    expect(bad).toMatchObject({ name: 'ShapeError', parameter: 'data.y' });
    expect(seen).toEqual([]);
  });
});

describe('outputCost', () => {
  it('gives J from the outputs for bce, mse and cce, skipping zero-weight terms', () => {
    const a = fromRows([
      [0.25, 1],
      [0.5, 0],
    ]);
    const y = fromRows([
      [1, 1],
      [0, 0],
    ]);
    expect(outputCost('mse', a, y)).toBe((0.75 ** 2 + 0.5 ** 2) / 2);
    expect(outputCost('bce', a, y)).toBeCloseTo((-Math.log(0.25) - Math.log(0.5)) / 2, 15);
    const p = fromRows([[0.5, 0.5]]);
    expect(outputCost('cce', p, fromRows([[0, 1]]))).toBeCloseTo(Math.LN2, 15);
    expect(outputCost('bce', fromRows([[1]]), fromRows([[0]]))).toBe(Number.POSITIVE_INFINITY);
  });
});
