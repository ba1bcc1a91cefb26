import { type ActivationName, type LossName, seededRandom } from '@onegrad/core';
import { describe, expect, test } from 'vitest';
import { Dec, exact } from '../src/reference/decimal.js';
import { type DMatrix, dmatrix } from '../src/reference/dmatrix.js';
import {
  type ReferenceInput,
  referenceCost,
  referenceForward,
  referenceStep,
} from '../src/reference/step.js';

function randomInput(
  sizes: number[],
  batch: number,
  loss: LossName,
  seed: number,
  activations?: ActivationName[],
): ReferenceInput {
  const rand = seededRandom(seed);
  const mat = (rows: number, cols: number, scale: number) =>
    dmatrix({
      rows,
      cols,
      data: Array.from({ length: rows * cols }, () => Math.fround((2 * rand() - 1) * scale)),
    });
  const params = sizes.slice(1).map((n, l) => ({ W: mat(sizes[l] as number, n, 1.5), b: mat(1, n, 0.5) }));
  const nL = sizes.at(-1) as number;
  const raw = Array.from({ length: batch * nL }, () => Math.fround(rand()));
  // cce targets are distributions: each row scaled to sum to 1 (exactly, in decimals, by the last entry).
  const y =
    loss === 'cce'
      ? {
          rows: batch,
          cols: nL,
          v: Array.from({ length: batch }, (_, i) => {
            const row = raw.slice(i * nL, (i + 1) * nL).map((v) => exact(v));
            const total = row.reduce((t, v) => t.plus(v), new Dec(0));
            const scaled = row.map((v) => v.div(total));
            const head = scaled.slice(0, -1);
            return [...head, new Dec(1).minus(head.reduce((t, v) => t.plus(v), new Dec(0)))];
          }).flat(),
        }
      : dmatrix({ rows: batch, cols: nL, data: raw });
  return {
    loss,
    ...(activations ? { activations } : {}),
    x: mat(batch, sizes[0] as number, 2),
    y,
    params,
    learningRate: exact(0.1),
  };
}

function withElement(m: DMatrix, index: number, delta: Dec): DMatrix {
  return { ...m, v: m.v.map((v, i) => (i === index ? v.plus(delta) : v)) };
}

// Central differences at h = 1e-20 in 50-digit arithmetic: truncation ~h^2, rounding ~1e-50 / h.
const h = new Dec('1e-20');
const agree = (fd: Dec, analytic: Dec) =>
  fd.minus(analytic).abs().lte(analytic.abs().plus(1e-3).times(1e-25));

describe('reference gradients agree with central finite differences of J', () => {
  const nets: [number[], number, LossName, ActivationName[] | undefined][] = [
    [[2, 2, 1], 2, 'bce', undefined],
    [[3, 4, 2], 3, 'mse', undefined],
    [[2, 3, 3, 2], 4, 'bce', undefined],
    [[1, 2, 1, 2, 3], 2, 'mse', undefined],
    [[2, 3, 3], 3, 'cce', ['tanh', 'softmax']],
    [[3, 4, 3, 1], 2, 'mse', ['relu', 'tanh', 'identity']],
    [[2, 3, 2], 2, 'mse', ['identity', 'softmax']],
    [[2, 2, 2, 4], 3, 'cce', ['relu', 'sigmoid', 'softmax']],
    [[2, 3, 1], 2, 'mse', ['tanh', 'relu']],
  ];
  test.each(nets)('sizes %j, batch %i, %s, activations %j', (sizes, batch, loss, activations) => {
    const input = randomInput(sizes, batch, loss, sizes.length * 31 + batch, activations);
    const step = referenceStep(input);
    input.params.forEach((p, l) => {
      for (const key of ['W', 'b'] as const) {
        const grad = step.layers[l]?.[key === 'W' ? 'dW' : 'db'];
        p[key].v.forEach((_, index) => {
          const moved = (delta: Dec) =>
            referenceCost({
              ...input,
              params: input.params.map((q, k) =>
                k === l ? { ...q, [key]: withElement(q[key], index, delta) } : q,
              ),
            });
          const fd = moved(h).minus(moved(h.neg())).div(h.times(2));
          expect(agree(fd, grad?.v[index] as Dec), `layer ${l + 1} ${key}[${index}]`).toBe(true);
        });
      }
    });
  });

  test.each(['bce', 'mse'] as const)('dA_L is dl/da per sample and dZ_L is dl/dz (%s)', (loss) => {
    const input = randomInput([3, 2], 3, loss, 7);
    const step = referenceStep(input);
    const out = referenceForward(input.x, input.params).at(-1);
    const lossOf = (a: Dec, y: Dec) =>
      loss === 'bce'
        ? y
            .times(Dec.ln(a))
            .plus(new Dec(1).minus(y).times(Dec.ln(new Dec(1).minus(a))))
            .neg()
        : a.minus(y).pow(2);
    out?.a.v.forEach((a, i) => {
      const y = input.y.v[i] as Dec;
      const fd = lossOf(a.plus(h), y)
        .minus(lossOf(a.minus(h), y))
        .div(h.times(2));
      expect(agree(fd, step.layers[0]?.dA.v[i] as Dec), `dA[${i}]`).toBe(true);
      const z = out.z.v[i] as Dec;
      const sig = (t: Dec) => new Dec(1).div(Dec.exp(t.neg()).plus(1));
      const fdz = lossOf(sig(z.plus(h)), y)
        .minus(lossOf(sig(z.minus(h)), y))
        .div(h.times(2));
      expect(agree(fdz, step.layers[0]?.dZ.v[i] as Dec), `dZ[${i}]`).toBe(true);
    });
  });
});
