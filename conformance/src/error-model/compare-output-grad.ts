import { type DType, type Matrix, MIN_NORMAL, UNIT_ROUNDOFF } from '@onegrad/core';
import { judgeBceGrad } from './bce-grad-judge.js';
import { type Where, whereText } from './compare-matrix.js';
import { boundOf, distance, type ExpectedMatrix } from './expected.js';
import { classOf } from './float-class.js';
import type { Tally } from './tally.js';

/**
 * Checks the unfused bce dA of the output layer element by element (see {@link judgeBceGrad}):
 * strict elements must match the class, and finite ones lie within the bound; ill-conditioned
 * elements accept any value and are counted.
 */
export function compareOutputBceGrad(
  tally: Tally,
  layer: number,
  got: Matrix,
  want: ExpectedMatrix,
  a: ExpectedMatrix,
  y: ArrayLike<number>,
  dtype: DType,
  where: Where,
): void {
  if (got.rows !== want.rows || got.cols !== want.cols || got.data.length !== want.rows * want.cols) {
    tally.problems.push(
      `${whereText(where)}: dA[layer ${layer}] should be ${want.rows}x${want.cols}, got ${got.rows}x${got.cols}`,
    );
    return;
  }
  const [u, min] = [UNIT_ROUNDOFF[dtype], MIN_NORMAL[dtype]];
  for (let i = 0; i < got.data.length; i++) {
    const value = got.data[i] as number;
    const verdict = judgeBceGrad(
      a.hi[i] as number,
      a.lo[i] as number,
      boundOf(a, i, u, min),
      y[i] as number,
      want.hi[i] as number,
      dtype,
    );
    if (verdict.kind === 'ill-conditioned') {
      tally.illConditioned++;
      continue;
    }
    const at = {
      case: where.case,
      ...(where.step === undefined ? {} : { step: where.step }),
      quantity: 'dA' as const,
      layer,
      row: Math.floor(i / got.cols),
      col: i % got.cols,
      got: value,
      want: verdict.expected === 'finite' ? (want.hi[i] as number) : Number.NaN,
    };
    const cls = classOf(value);
    if (cls !== verdict.expected) {
      tally.record({
        ...at,
        bound: verdict.bound,
        ratio: Number.POSITIVE_INFINITY,
        note: `${cls} where the dtype's outcome is ${verdict.expected}`,
      });
    } else if (cls === 'finite') {
      tally.record({ ...at, bound: verdict.bound, ratio: distance(want, i, value) / verdict.bound });
    } else {
      tally.record({ ...at, bound: 0, ratio: 0 });
    }
  }
}
