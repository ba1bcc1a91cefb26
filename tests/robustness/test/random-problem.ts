import { type Batch, type DType, type LossName, matrix, type NetworkSpec, type Params } from '@onegrad/core';
import fc from 'fast-check';

/** A random training problem: every value a multiple of 1/64, so exact in float32 and in decimal. */
export interface RandomProblem {
  readonly sizes: number[];
  readonly loss: LossName;
  readonly batch: number;
  readonly x: number[];
  readonly y: number[];
  readonly params: { W: number[]; b: number[] }[];
  readonly learningRate: number;
}

/** How far the drawn values reach: |x| <= x, |W| <= w, |b| <= b. */
export interface Reach {
  readonly x: number;
  readonly w: number;
  readonly b: number;
}

const sixtyFourths = (limit: number) => fc.integer({ min: -limit * 64, max: limit * 64 }).map((k) => k / 64);
const list = <T>(item: fc.Arbitrary<T>, n: number) => fc.array(item, { minLength: n, maxLength: n });

/** Depth 1-3, widths 1-5, batch 1-6, either loss, hard or soft targets, lr in (0, 2]. */
export function randomProblem(reach: Reach): fc.Arbitrary<RandomProblem> {
  const shape = fc.record({
    sizes: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 2, maxLength: 4 }),
    batch: fc.integer({ min: 1, max: 6 }),
    loss: fc.constantFrom<LossName>('bce', 'mse'),
    hard: fc.boolean(),
  });
  return shape.chain(({ sizes, batch, loss, hard }) => {
    const target = hard ? fc.constantFrom(0, 1) : fc.integer({ min: 0, max: 64 }).map((k) => k / 64);
    const layer = (nIn: number, nOut: number) =>
      fc.record({ W: list(sixtyFourths(reach.w), nIn * nOut), b: list(sixtyFourths(reach.b), nOut) });
    return fc.record({
      sizes: fc.constant(sizes),
      loss: fc.constant(loss),
      batch: fc.constant(batch),
      x: list(sixtyFourths(reach.x), batch * (sizes[0] as number)),
      y: list(target, batch * (sizes.at(-1) as number)),
      params: fc.tuple(...sizes.slice(1).map((n, l) => layer(sizes[l] as number, n))),
      learningRate: fc.integer({ min: 1, max: 64 }).map((k) => k / 32),
    });
  });
}

/** The problem's spec, parameters and batch in `dtype`. */
export function inDType(p: RandomProblem, dtype: DType): { spec: NetworkSpec; params: Params; batch: Batch } {
  const params = p.params.map((q, l) => {
    const [nIn, nOut] = [p.sizes[l] as number, p.sizes[l + 1] as number];
    return { W: matrix(nIn, nOut, q.W, dtype), b: matrix(1, nOut, q.b, dtype) };
  });
  const x = matrix(p.batch, p.sizes[0] as number, p.x, dtype);
  const y = matrix(p.batch, p.sizes.at(-1) as number, p.y, dtype);
  return { spec: { sizes: p.sizes, loss: p.loss, dtype }, params, batch: { x, y } };
}
