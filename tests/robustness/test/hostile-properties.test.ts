import { judgeStep } from '@onegrad/conformance';
import {
  type Batch,
  initParams,
  type LossName,
  type Matrix,
  matrix,
  type NetworkSpec,
  OnegradError,
  type Params,
  paramsBitEqual,
  type StepResult,
} from '@onegrad/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TARGETS, type Target } from '../src/targets.js';
import { expectUntouched, startedPerTarget } from './backends.js';

// Fixed seed and run count, so every CI run tries the same inputs; a time limit that ends a run early
// fails the test instead of passing on fewer inputs.
const SEED = 20261201;
const RUNS = 60;
const TIME_LIMIT_MS = 30_000;

/** How a well-formed matrix is spoiled before it is handed over; `none` leaves it valid. */
const SPOILS = [
  'none',
  'wrong cols',
  'short data',
  'rows 1.5',
  "rows '2'",
  'NaN',
  'Infinity',
  '1e39',
  'plain array',
  'null',
  'getter',
] as const;
type Spoil = (typeof SPOILS)[number];

/** Rates as given: valid ones, and every kind `step` must refuse. */
const RATES: readonly unknown[] = [0, -1, Number.NaN, Number.POSITIVE_INFINITY, 1e39, '0.1'];
const TRACES: readonly unknown[] = [1, 'yes'];

/** Mostly `valid`, else one of `hostile`: a call spoiled in one place at a time reaches the deeper checks. */
const mostly = <T>(valid: fc.Arbitrary<T>, hostile: readonly T[]): fc.Arbitrary<T> =>
  fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: fc.constantFrom(...hostile) });

interface HostileCall {
  readonly sizes: number[];
  readonly loss: LossName;
  readonly seed: number;
  readonly kind: 'step' | 'forward' | 'setParams';
  readonly rows: number;
  readonly values: number[];
  readonly targets: number[];
  readonly spoilX: Spoil;
  readonly spoilY: Spoil;
  readonly target: 'valid' | 'outside [0, 1]';
  readonly lr: unknown;
  readonly trace: unknown;
  readonly params: 'valid' | 'sparse' | 'NaN' | 'transposed' | 'getter';
}

const hostileCall: fc.Arbitrary<HostileCall> = fc
  .record({
    sizes: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 2, maxLength: 4 }),
    loss: fc.constantFrom<LossName>('bce', 'mse'),
    seed: fc.integer({ min: 1, max: 1000 }),
    kind: fc.constantFrom<HostileCall['kind']>('step', 'step', 'forward', 'setParams'),
    rows: fc.integer({ min: 1, max: 5 }),
    spoilX: mostly(fc.constant<Spoil>('none'), SPOILS.slice(1)),
    spoilY: mostly(fc.constant<Spoil>('none'), SPOILS.slice(1)),
    target: fc.constantFrom<HostileCall['target']>('valid', 'valid', 'valid', 'outside [0, 1]'),
    lr: mostly<unknown>(fc.constantFrom(0.5, 0.125, 2), RATES),
    trace: mostly<unknown>(fc.constantFrom(true, false, undefined), TRACES),
    params: fc.constantFrom<HostileCall['params']>('valid', 'valid', 'sparse', 'NaN', 'transposed', 'getter'),
  })
  .chain((c) =>
    fc.record({
      ...Object.fromEntries(Object.entries(c).map(([k, v]) => [k, fc.constant(v)])),
      values: fc.array(
        fc.integer({ min: -256, max: 256 }).map((k) => k / 32),
        { minLength: c.rows * (c.sizes[0] as number), maxLength: c.rows * (c.sizes[0] as number) },
      ),
      targets: fc.array(
        fc.integer({ min: 0, max: 64 }).map((k) => k / 64),
        { minLength: c.rows * (c.sizes.at(-1) as number), maxLength: c.rows * (c.sizes.at(-1) as number) },
      ),
    }),
  ) as fc.Arbitrary<HostileCall>;

/** `m` spoiled as `spoil` says; `getter` is a matrix whose `data` is valid on the first read only. */
function spoiled(m: Matrix, spoil: Spoil): unknown {
  const data = m.data.slice();
  switch (spoil) {
    case 'none':
      return m;
    case 'wrong cols':
      return { rows: m.rows, cols: m.cols + 1, data };
    case 'short data':
      return { rows: m.rows, cols: m.cols, data: data.subarray(1) };
    case 'rows 1.5':
      return { rows: 1.5, cols: m.cols, data };
    case "rows '2'":
      return { rows: String(m.rows), cols: m.cols, data };
    case 'NaN':
      data[data.length - 1] = Number.NaN;
      return { ...m, data };
    case 'Infinity':
      data[0] = Number.POSITIVE_INFINITY;
      return { ...m, data };
    case '1e39':
      return { ...m, data: Float64Array.from(data, (v, i) => (i === 0 ? 1e39 : v)) };
    case 'plain array':
      return { rows: m.rows, cols: m.cols, data: Array.from(data) };
    case 'null':
      return null;
    case 'getter': {
      let reads = 0;
      return {
        rows: m.rows,
        cols: m.cols,
        get data() {
          reads++;
          return reads === 1 ? data : new Float64Array(data.length).fill(Number.NaN);
        },
      };
    }
  }
}

/** The matrix a call that resolved must have read: `m` itself, or `m` with 1e39 where that spoil put it. */
function asRead(m: Matrix, spoil: Spoil): Matrix {
  if (spoil === 'none' || spoil === 'getter') return m;
  if (spoil === '1e39') return { ...m, data: Float64Array.from(m.data, (v, i) => (i === 0 ? 1e39 : v)) };
  throw new Error(`a call with a matrix spoiled as '${spoil}' resolved`);
}

/** The parameters as handed over: valid, or spoiled in one of the ways setParams must refuse or survive. */
function spoiledParams(params: Params, how: HostileCall['params']): unknown {
  if (how === 'valid') return params;
  if (how === 'sparse') return new Array(params.length);
  const last = params.length - 1;
  const W = params[last]?.W as Matrix;
  if (how === 'NaN') {
    const data = W.data.slice();
    data[0] = Number.NaN;
    return params.map((p, l) => (l === last ? { ...p, W: { ...W, data } } : p));
  }
  if (how === 'transposed') {
    return params.map((p, l) => (l === last ? { ...p, W: { rows: W.cols, cols: W.rows, data: W.data } } : p));
  }
  let reads = 0;
  const flip = {
    get W() {
      reads++;
      return reads === 1 ? W : { ...W, data: new Float64Array(W.data.length).fill(Number.NaN) };
    },
    b: params[last]?.b,
  };
  return params.map((p, l) => (l === last ? flip : p));
}

/** What the call did: its value, or what it rejected with. */
async function outcome(
  run: () => Promise<unknown>,
): Promise<{ ok: true; value: unknown } | { ok: false; error: unknown }> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, error };
  }
}

describe.each(TARGETS)('hostile calls on $label, by property', (target: Target) => {
  const backendOf = startedPerTarget();
  const { dtype } = target;

  // What the inputs tried came to: resolved calls, and rejections by error class.
  const tally = new Map<string, number>();
  const count = (key: string) => tally.set(key, (tally.get(key) ?? 0) + 1);

  async function holds(c: HostileCall): Promise<void> {
    const backend = backendOf(target);
    const spec: NetworkSpec = { sizes: c.sizes, loss: c.loss, dtype };
    const params = initParams(spec, c.seed);
    const cols = (n: number | undefined) => n as number;
    const x = matrix(c.rows, cols(c.sizes[0]), c.values, dtype);
    const ys = c.target === 'valid' || c.loss === 'mse' ? c.targets : c.targets.map((t) => t * 4 - 1.5);
    const y = matrix(c.rows, cols(c.sizes.at(-1)), ys, dtype);
    const good: Batch = { x, y: matrix(c.rows, cols(c.sizes.at(-1)), c.targets, dtype) };
    const session = await backend.createSession(spec, params);
    const fresh = await backend.createSession(spec, params);
    try {
      const hostile = { x: spoiled(x, c.spoilX), y: spoiled(y, c.spoilY) } as Batch;
      const options = { learningRate: c.lr, trace: c.trace } as never;
      const run = {
        step: () => session.step(hostile, options),
        forward: () => session.forward(hostile.x),
        setParams: () => session.setParams(spoiledParams(params, c.params) as Params),
      }[c.kind];
      const got = await outcome(run);
      count(got.ok ? `${c.kind} resolved` : (got.error as Error).name);
      if (!got.ok) {
        // A core error naming the parameter; nothing changed.
        expect(got.error).toBeInstanceOf(OnegradError);
        const { parameter, message } = got.error as OnegradError;
        expect(parameter.length).toBeGreaterThan(0);
        expect(message.startsWith(`${parameter}: `)).toBe(true);
        expect(paramsBitEqual(await session.getParams(), params)).toBe(true);
      } else if (c.kind === 'step') {
        // A correct result: the step a fresh session takes on the clean inputs, within the error model.
        const clean = { learningRate: c.lr as number, trace: true };
        const read = { x: asRead(x, c.spoilX), y: asRead(y, c.spoilY) };
        const want = await fresh.step(read, clean);
        const result = got.value as StepResult;
        expect(result.loss).toBe(want.loss);
        expect(paramsBitEqual(await session.getParams(), await fresh.getParams())).toBe(true);
        const verdict = judgeStep({ spec, params, batch: read, learningRate: clean.learningRate }, want, {
          flushesSubnormals: target.flushesSubnormals,
        });
        expect(verdict.pass, verdict.problems.join('; ')).toBe(true);
        return;
      } else if (c.kind === 'forward') {
        asRead(x, c.spoilX);
        const a = got.value as Matrix;
        expect([a.rows, a.cols]).toEqual([c.rows, c.sizes.at(-1)]);
        expect(Array.from(a.data).every(Number.isFinite)).toBe(true);
        expect(paramsBitEqual(await session.getParams(), params)).toBe(true);
      } else {
        // setParams took what it read first: the valid parameters.
        expect(paramsBitEqual(await session.getParams(), params)).toBe(true);
      }
      // The next good step is a fresh session's.
      await expectUntouched(backend, session, params, good, 0.5, fresh);
    } finally {
      session.dispose();
      fresh.dispose();
    }
  }

  it(`gives a correct result or a core error with the parameters untouched (${RUNS} inputs, seed ${SEED})`, async () => {
    let tried = 0;
    await fc.assert(
      fc.asyncProperty(hostileCall, async (c) => {
        tried++;
        await holds(c);
      }),
      { seed: SEED, numRuns: RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS, markInterruptAsFailure: true },
    );
    const seen = [...tally].map(([k, n]) => `${k} ${n}`).join(', ');
    console.log(`hostile calls on ${target.label}: ${tried} inputs tried (seed ${SEED}): ${seen}`);
  }, 60_000);
});
