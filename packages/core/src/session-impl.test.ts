import { describe, expect, it } from 'vitest';
import {
  type BackendEngine,
  BackendInitError,
  cloneMatrix,
  createBackend,
  DisposedError,
  DivergenceError,
  type EngineStep,
  fromRows,
  initParams,
  type Matrix,
  type NetworkSpec,
  type Params,
  paramsBitEqual,
  type SessionEngine,
  ShapeError,
  zeros,
} from './index.js';

const spec: NetworkSpec = { sizes: [2, 1], loss: 'mse', dtype: 'float64' };
const x = fromRows([[1, 2]]);
const y = fromRows([[0.5]]);

/**
 * A one-layer engine in plain loops whose update is W - lr (scale): enough to watch what core does
 * around an engine (what it sees, what it commits, when it releases), with no engine of its own.
 */
function recordingEngine(log: string[], scale = 1): BackendEngine {
  let loads = 0;
  return {
    info: { name: 'recording', engine: 'test loops', dtypes: ['float64'] },
    async load() {
      loads++;
      log.push(`load ${loads}`);
    },
    createSession(_spec, params): SessionEngine {
      let current: Params = params;
      return {
        forward(input: Matrix) {
          log.push(`forward ${Array.from(input.data)}`);
          return cloneMatrix(input);
        },
        async step(input, target, lr, trace): Promise<EngineStep> {
          log.push(`step ${Array.from(input.data)} ${Array.from(target.data)}`);
          await Promise.resolve();
          const next = current.map((p) => ({
            W: { ...p.W, data: p.W.data.map((w) => w - lr * scale) },
            b: cloneMatrix(p.b),
          }));
          const m = (rows: number, cols: number) => zeros(rows, cols, 'float64');
          const dA = fromRows([[Number.NaN]]);
          return {
            loss: 1,
            finite: next.every((p) => p.W.data.every(Number.isFinite)),
            ...(trace
              ? { layers: [{ Z: m(1, 1), A: m(1, 1), dA, dZ: m(1, 1), dW: m(2, 1), db: m(1, 1) }] }
              : {}),
            readUpdate: () => next,
            commit: () => {
              log.push('commit');
              current = next;
            },
            discard: () => log.push('discard'),
          };
        },
        readParams: () => current,
        writeParams: (p) => {
          current = p;
        },
        release: () => {
          log.push('release session');
        },
      };
    },
    release: () => {
      log.push('release engine');
    },
  };
}

describe('createBackend and CoreSession', () => {
  it('validates before loading, loads once, and reads each input when the call is made', async () => {
    const log: string[] = [];
    const backend = createBackend(recordingEngine(log));
    await expect(backend.createSession({ ...spec, sizes: [2] }, [])).rejects.toThrow(/spec\.sizes/);
    expect(log).toEqual([]);
    const session = await backend.createSession(spec, initParams(spec, 1));
    await backend.init();
    const input = fromRows([[3, 4]]);
    const pending = session.forward(input);
    input.data[0] = 99;
    await pending;
    expect(log).toEqual(['load 1', 'forward 3,4']);
  });

  it('reads a getter once, so a value checked is the value used', async () => {
    const log: string[] = [];
    const session = await createBackend(recordingEngine(log)).createSession(spec, initParams(spec, 1));
    let reads = 0;
    const sly = {
      get x() {
        reads++;
        return reads === 1 ? x : fromRows([[Number.NaN, 0]]);
      },
      y,
    };
    await session.step(sly, { learningRate: 0.1 });
    expect(reads).toBe(1);
    expect(log.at(-2)).toBe('step 1,2 0.5');
  });

  it('refuses non-integer shapes and sparse parameters as ShapeError, rejecting rather than throwing', async () => {
    const session = await createBackend(recordingEngine([])).createSession(spec, initParams(spec, 1));
    const half = { rows: 0.5, cols: 2, data: new Float64Array(1) };
    await expect(session.forward(half)).rejects.toThrow(ShapeError);
    await expect(session.setParams(new Array(1))).rejects.toThrow(/params\[0\]\.W/);
  });

  it('discards a non-finite update, names it, keeps the parameters, and traces a committed step', async () => {
    const log: string[] = [];
    const session = await createBackend(recordingEngine(log, Number.POSITIVE_INFINITY)).createSession(
      spec,
      initParams(spec, 1),
    );
    const before = await session.getParams();
    const error = await session.step({ x, y }, { learningRate: 0.1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DivergenceError);
    expect((error as DivergenceError).parameter).toBe('params[0].W');
    expect(log.at(-1)).toBe('discard');
    expect(paramsBitEqual(await session.getParams(), before)).toBe(true);

    const ok = await createBackend(recordingEngine([])).createSession(spec, initParams(spec, 1));
    const { trace } = await ok.step({ x, y }, { learningRate: 0.5, trace: true });
    expect(trace?.layers[0]?.dANonFinite).toEqual([0]);
    expect(trace?.fusedOutput).toBe(false);
    expect(paramsBitEqual(trace?.params ?? [], await ok.getParams())).toBe(true);
  });

  it('on dispose lets the running call finish, releases each live session once, then the engine', async () => {
    const log: string[] = [];
    const backend = createBackend(recordingEngine(log));
    const a = await backend.createSession(spec, initParams(spec, 1));
    const b = await backend.createSession(spec, initParams(spec, 2));
    b.dispose();
    const running = a.step({ x, y }, { learningRate: 0.1 });
    const queued = a.getParams();
    await Promise.resolve();
    const disposing = backend.dispose();
    await expect(running).resolves.toMatchObject({ loss: 1 });
    await expect(queued).rejects.toThrow(DisposedError);
    await disposing;
    expect(log.filter((l) => l.startsWith('release'))).toEqual([
      'release session',
      'release session',
      'release engine',
    ]);
    await expect(backend.createSession(spec, initParams(spec, 1))).rejects.toThrow(DisposedError);
    await expect(backend.dispose()).resolves.toBeUndefined();
  });

  it('forgets a failed load, so a later init tries again', async () => {
    let tries = 0;
    const engine = recordingEngine([]);
    const backend = createBackend({
      ...engine,
      load: async () => {
        tries++;
        if (tries === 1) throw new BackendInitError('engine', 'not yet');
      },
    });
    await expect(backend.init()).rejects.toThrow(/not yet/);
    await backend.init();
    await backend.init();
    expect(tries).toBe(2);
  });
});
