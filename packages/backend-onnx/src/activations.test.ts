import { judgeStep } from '@onegrad/conformance/judge';
import {
  activationsOf,
  DTYPES,
  type DType,
  fromRows,
  matrix,
  type NetworkSpec,
  type StepResult,
} from '@onegrad/core';
import { afterAll, describe, expect, it } from 'vitest';
import { createOnnxBackend } from './index.js';
import { caseInputs, caseSpec, HIDDEN, OUTPUT_PAIRS } from './test/activation-cases.js';

const backend = createOnnxBackend();
afterAll(() => backend.dispose());

/**
 * True once conformance's reference computes the spec's activations: a hand-worked identity + mse step
 * (x = 1, W = 1, b = 0, y = 0: Z = A = 1, J = 1, dA = dZ = dW = db = 2) passes, where a sigmoid reference
 * expects A = sigmoid(1).
 */
function judgeKnowsActivations(): boolean {
  const spec: NetworkSpec = { sizes: [1, 1], loss: 'mse', dtype: 'float64', activations: ['identity'] };
  const m = (v: number) => matrix(1, 1, [v]);
  const params = [{ W: m(1), b: m(0) }];
  const layer = { z: m(1), a: m(1), dA: m(2), dANonFinite: [], dZ: m(2), dW: m(2), db: m(2) };
  const trace = { layers: [layer], loss: 1, fusedOutput: true, params: [{ W: m(0), b: m(-1) }] };
  const result: StepResult = { loss: 1, diverging: false, trace };
  try {
    return judgeStep({ spec, params, batch: { x: m(1), y: m(0) }, learningRate: 0.5 }, result).pass;
  } catch {
    return false;
  }
}

// Until conformance's reference learns activations, judgeStep holds every network to sigmoid maths.
const JUDGE_KNOWS_ACTIVATIONS = judgeKnowsActivations();
const judgeable = (spec: NetworkSpec): boolean =>
  JUDGE_KNOWS_ACTIVATIONS || activationsOf(spec).every((a) => a === 'sigmoid');

describe.each(DTYPES)('a traced step of every activation and pair, judged by conformance (%s)', (dtype) => {
  const cases = HIDDEN.flatMap((hidden) =>
    OUTPUT_PAIRS.map(([output, loss]) => caseSpec(hidden, output, loss, dtype)),
  );
  for (const spec of cases) {
    it.runIf(judgeable(spec))(`${activationsOf(spec).join(' ')} + ${spec.loss}`, async () => {
      const { params, batch } = caseInputs(spec, 5);
      const session = await backend.createSession(spec, params);
      const result = await session.step(batch, { learningRate: 0.25, trace: true });
      const { offenders, problems, pass } = judgeStep({ spec, params, batch, learningRate: 0.25 }, result);
      expect({ offenders, problems, pass }).toEqual({ offenders: [], problems: [], pass: true });
      session.dispose();
    });
  }
});

describe('a softmax + cce output whose probabilities underflow to 0', () => {
  // Logits (0, s, -5) with s past the dtype's exp range: A = (0, 1, 0) exactly, so -Y / A is -Infinity
  // where the target is 1 and NaN (0 / 0) where it is 0, while the fused dZ = A - Y stays exact.
  it.each([
    ['float32', 120],
    ['float64', 800],
  ] as const)('%s: the unfused dA is flagged, the step commits, dZ = A - Y exactly', async (dtype, s) => {
    const spec: NetworkSpec = { sizes: [1, 3], loss: 'cce', dtype, activations: ['softmax'] };
    const params = [{ W: matrix(1, 3, [0, 0, 0], dtype), b: matrix(1, 3, [0, s, -5], dtype) }];
    const session = await backend.createSession(spec, params);
    const batch = { x: fromRows([[1]]), y: fromRows([[1, 0, 0]]) };
    const { loss, trace } = await session.step(batch, { learningRate: 0.5, trace: true });
    const out = trace!.layers[0]!;
    expect([...out.a.data]).toEqual([0, 1, 0]);
    expect([...out.dA.data]).toEqual([Number.NEGATIVE_INFINITY, -0, Number.NaN]);
    expect(out.dANonFinite).toEqual([0, 2]);
    expect([...out.dZ.data]).toEqual([-1, 1, 0]);
    expect(loss).toBe(s);
    expect([...(await session.getParams())[0]!.b.data]).toEqual([0.5, s - 0.5, -5]);
  });

  it('keeps the tiny cost of a confident row to full relative precision', async () => {
    // z = (20, 0), y = (1, 0): J = log1p(e^-20) = 2.06e-9, far below the rounding of logsumexp(z) = 20.
    const spec: NetworkSpec = { sizes: [1, 2], loss: 'cce', dtype: 'float32', activations: ['softmax'] };
    const params = [{ W: matrix(1, 2, [0, 0], 'float32'), b: matrix(1, 2, [20, 0], 'float32') }];
    const session = await backend.createSession(spec, params);
    const { loss } = await session.step({ x: fromRows([[1]]), y: fromRows([[1, 0]]) }, { learningRate: 0.5 });
    const exact = Math.log1p(Math.exp(-20));
    expect(Math.abs(loss - exact) / exact).toBeLessThan(2 ** -22);
  });
});

describe.each(DTYPES)('forward values (%s)', (dtype: DType) => {
  const unit = dtype === 'float32' ? 2 ** -23 : 2 ** -52;
  const round = dtype === 'float32' ? Math.fround : (v: number) => v;
  const tiniest = dtype === 'float32' ? 2 ** -149 : 2 ** -1074;

  /** A_1 of a [1, n] network with W = 0 and bias `z`, so Z_1 = z exactly. */
  async function outputOf(activation: string, z: readonly number[]): Promise<Float32Array | Float64Array> {
    const n = z.length;
    const spec: NetworkSpec = { sizes: [1, n], loss: 'mse', dtype, activations: [activation] };
    const session = await backend.createSession(spec, [
      { W: matrix(1, n, new Array(n).fill(0), dtype), b: matrix(1, n, z, dtype) },
    ]);
    const a = (await session.forward(fromRows([[0]]))).data;
    session.dispose();
    return a;
  }

  it('tanh keeps its relative accuracy near 0 and its sign, and saturates to +-1 exactly', async () => {
    const z = [1e-8, 1e-6, 1e-3, 0.5, 0.999, 1, 1.001, 3, 9, 20, 50].flatMap((v) => [v, -v]).map(round);
    const a = await outputOf('tanh', z);
    z.forEach((v, i) => {
      const want = Math.tanh(v);
      expect(Math.abs((a[i] as number) - want) / Math.abs(want), `tanh(${v})`).toBeLessThan(3 * unit);
    });
    expect([...(await outputOf('tanh', [0, 50, -50]))]).toEqual([0, 1, -1]);
  });

  it('softmax subtracts the row maximum: logits 200 apart around 1000 give no Infinity or NaN', async () => {
    const z = [1000, 800, 999, 1000 - 2 ** -10].map(round);
    const a = [...(await outputOf('softmax', z))];
    const max = Math.max(...z);
    const e = z.map((v) => Math.exp(v - max));
    const sum = e.reduce((s, v) => s + v, 0);
    a.forEach((v, i) => {
      const want = (e[i] as number) / sum;
      // Below the dtype's subnormal spacing (e^-200 in float32) the result may round to 0.
      expect(Math.abs(v - want), `a${i}`).toBeLessThanOrEqual(8 * unit * want + tiniest);
    });
  });

  it('relu and identity pass Z through (relu clamps below 0)', async () => {
    const z = [-2, -0.5, 0, 0.25, 3].map(round);
    expect([...(await outputOf('relu', z))]).toEqual(z.map((v) => Math.max(v, 0)));
    expect([...(await outputOf('identity', z))]).toEqual(z);
  });
});

it('relu takes its derivative as 0 at Z = 0: the hidden dZ vanishes where dA does not', async () => {
  // Z1 = 0, A1 = 0; Z2 = A2 = 1/2 with y = 0: dZ2 = 2 (A2 - Y) = 1, dA1 = dZ2 W2 = 1, dZ1 = 0.
  const spec: NetworkSpec = {
    sizes: [1, 1, 1],
    loss: 'mse',
    dtype: 'float64',
    activations: ['relu', 'identity'],
  };
  const session = await backend.createSession(spec, [
    { W: matrix(1, 1, [0]), b: matrix(1, 1, [0]) },
    { W: matrix(1, 1, [1]), b: matrix(1, 1, [0.5]) },
  ]);
  const { trace } = await session.step(
    { x: fromRows([[1]]), y: fromRows([[0]]) },
    { learningRate: 0.5, trace: true },
  );
  expect(trace!.fusedOutput).toBe(true);
  expect([...trace!.layers[1]!.dZ.data]).toEqual([1]);
  expect([...trace!.layers[0]!.dA.data]).toEqual([1]);
  expect([...trace!.layers[0]!.dZ.data]).toEqual([0]);
});
