import { describe, expect, it } from 'vitest';
import {
  type BackendEngine,
  cloneParams,
  createBackend,
  DivergenceError,
  type EngineTrain,
  fromRows,
  initParams,
  type LayerParams,
  LearningRateError,
  MAX_TRAIN_STEPS,
  type NetworkSpec,
  type Params,
  paramsBitEqual,
  type SessionEngine,
  StepCountError,
  type TrainingSession,
} from './index.js';

const spec: NetworkSpec = { sizes: [2, 1], loss: 'mse', dtype: 'float64' };
const batch = { x: fromRows([[1, 2]]), y: fromRows([[0.5]]) };

/**
 * A one-layer engine in plain loops: the cost is the sum of W^2 and the update W - lr (3 W + 1), so a
 * large learning rate makes W grow each step until the cost overflows. `failAt` makes the step of that
 * index (counting every step the session takes) throw, as a broken engine would.
 */
function loopEngine(
  log: string[],
  options: { failAt?: number; withTrain?: EngineTrain } = {},
): BackendEngine {
  return {
    info: { name: 'loops', engine: 'test loops', dtypes: ['float64'] },
    load: async () => undefined,
    createSession(_spec, params): SessionEngine {
      let current: Params = params;
      let taken = 0;
      const engine: SessionEngine = {
        forward: (input) => input,
        step(_x, _y, lr) {
          if (taken++ === options.failAt) throw new Error('engine failure');
          log.push('step');
          const w = (current[0] as LayerParams).W.data;
          const next = cloneParams(current);
          (next[0] as LayerParams).W.data.set(w.map((v) => v - lr * (3 * v + 1)));
          return {
            loss: w.reduce((s, v) => s + v * v, 0),
            finite: (next[0] as LayerParams).W.data.every(Number.isFinite),
            readUpdate: () => next,
            commit: () => {
              current = next;
            },
            discard: () => undefined,
          };
        },
        readParams: () => cloneParams(current),
        writeParams: (p) => {
          current = p;
        },
        release: () => undefined,
      };
      const { withTrain } = options;
      if (withTrain) {
        engine.train = () => {
          log.push('train');
          return withTrain;
        };
      }
      return engine;
    },
    release: () => undefined,
  };
}

const open = (engine: BackendEngine): Promise<TrainingSession> =>
  createBackend(engine).createSession(spec, initParams(spec, 3));

describe('TrainingSession.train', () => {
  it('gives the costs and parameters of as many step calls, bit for bit, with the batch read once', async () => {
    const trained = await open(loopEngine([]));
    const stepped = await open(loopEngine([]));
    let reads = 0;
    const once = {
      get x() {
        reads++;
        return batch.x;
      },
      y: batch.y,
    };
    const result = await trained.train(once, { learningRate: 0.01, steps: 5 });
    expect(reads).toBe(1);
    const losses: number[] = [];
    let diverging = false;
    for (let k = 0; k < 5; k++) {
      const r = await stepped.step(batch, { learningRate: 0.01 });
      losses.push(r.loss);
      diverging ||= r.diverging;
    }
    expect(result.losses).toEqual(Float64Array.from(losses));
    expect(result.diverging).toBe(diverging);
    expect(paramsBitEqual(await trained.getParams(), await stepped.getParams())).toBe(true);
  });

  it('stops at the first non-finite step, keeps the steps before it, and names the refused step', async () => {
    const trained = await open(loopEngine([]));
    const stepped = await open(loopEngine([]));
    const options = { learningRate: 1e100 };
    const error = await trained.train(batch, { ...options, steps: 10 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DivergenceError);
    const { step, losses, parameter, message } = error as DivergenceError;
    const applied: number[] = [];
    let refusal: unknown;
    for (let k = 0; k < 10 && refusal === undefined; k++) {
      await stepped.step(batch, options).then(
        (r) => applied.push(r.loss),
        (e: unknown) => {
          refusal = e;
        },
      );
    }
    expect(refusal).toBeInstanceOf(DivergenceError);
    expect(step).toBe(applied.length);
    expect(step).toBeGreaterThan(0);
    expect(losses).toEqual(Float64Array.from(applied));
    expect(parameter).toBe((refusal as DivergenceError).parameter);
    expect(message).toMatch(new RegExp(`step ${step} of 10 \\(counting from 0\\)`));
    expect(paramsBitEqual(await trained.getParams(), await stepped.getParams())).toBe(true);
  });

  it('refuses a step count that is not an integer from 1 to MAX_TRAIN_STEPS, before any step', async () => {
    const log: string[] = [];
    const session = await open(loopEngine(log));
    const before = await session.getParams();
    for (const steps of [0, -1, 1.5, Number.NaN, MAX_TRAIN_STEPS + 1, '3', undefined]) {
      const call = session.train(batch, { learningRate: 0.1, steps: steps as number });
      await expect(call).rejects.toThrow(StepCountError);
      await expect(call).rejects.toThrow(/options\.steps/);
    }
    await expect(session.train(batch, { learningRate: -1, steps: 3 })).rejects.toThrow(LearningRateError);
    expect(log).toEqual([]);
    expect(paramsBitEqual(await session.getParams(), before)).toBe(true);
  });

  it('applies no step when the engine fails midway through the loop over step', async () => {
    const session = await open(loopEngine([], { failAt: 3 }));
    const before = await session.getParams();
    await expect(session.train(batch, { learningRate: 0.01, steps: 5 })).rejects.toThrow('engine failure');
    expect(paramsBitEqual(await session.getParams(), before)).toBe(true);
  });

  it("uses the engine's own train, and discards a run whose costs do not match the steps asked for", async () => {
    const log: string[] = [];
    const run = (losses: number[], stopped: boolean): EngineTrain => ({
      losses: Float64Array.from(losses),
      stopped,
      commit: () => {
        log.push('commit');
      },
      discard: () => {
        log.push('discard');
      },
    });
    const good = await open(loopEngine(log, { withTrain: run([2, 1], false) }));
    expect((await good.train(batch, { learningRate: 0.1, steps: 2 })).losses).toEqual(Float64Array.of(2, 1));
    expect(log).toEqual(['train', 'commit']);
    log.length = 0;
    const short = await open(loopEngine(log, { withTrain: run([2], false) }));
    await expect(short.train(batch, { learningRate: 0.1, steps: 2 })).rejects.toThrow(
      /1 costs for a run of 2/,
    );
    expect(log).toEqual(['train', 'discard']);
  });
});
