import type { Matrix } from '@onegrad/core';
import { classOf } from '../error-model/float-class.js';
import type { UnfusedGrad } from '../reference/kinds.js';
import { type Comparison, whereText } from './compare-matrix.js';
import { boundOf, distance, type ExpectedMatrix } from './expected.js';
import { judgeUnfusedGrad } from './unfused-grad-judge.js';

/**
 * Checks an unfused output dA (bce, cce) element by element (see {@link judgeUnfusedGrad}):
 * strict elements must match the class, and finite ones lie within the bound; an ill-conditioned
 * element must take one of the classes found over A's error interval and, when finite, lie in the
 * range f takes over it. Ill-conditioned elements within their range are counted, not ranked.
 */
export function compareOutputUnfusedGrad(
  { tally, arith, where }: Comparison,
  form: UnfusedGrad,
  layer: number,
  got: Matrix,
  want: { readonly dA: ExpectedMatrix; readonly a: ExpectedMatrix; readonly y: ArrayLike<number> },
): void {
  const { a, y } = want;
  if (
    got.rows !== want.dA.rows ||
    got.cols !== want.dA.cols ||
    got.data.length !== want.dA.rows * want.dA.cols
  ) {
    tally.problems.push(
      `${whereText(where)}: dA[layer ${layer}] should be ${want.dA.rows}x${want.dA.cols}, got ${got.rows}x${got.cols}`,
    );
    return;
  }
  for (let i = 0; i < got.data.length; i++) {
    const value = got.data[i] as number;
    const verdict = judgeUnfusedGrad(
      form,
      a.hi[i] as number,
      a.lo[i] as number,
      boundOf(a, i, arith.u, arith.floor),
      y[i] as number,
      want.dA.hi[i] as number,
      arith.dtype,
      arith.floor,
    );
    const at = {
      case: where.case,
      ...(where.step === undefined ? {} : { step: where.step }),
      ...(where.source === undefined ? {} : { source: where.source }),
      quantity: 'dA' as const,
      layer,
      row: Math.floor(i / got.cols),
      col: i % got.cols,
      got: value,
    };
    const cls = classOf(value);
    if (verdict.kind === 'ill-conditioned') {
      tally.illConditioned++;
      const wantHi = want.dA.hi[i] as number;
      if (!verdict.classes.includes(cls)) {
        tally.record({
          ...at,
          want: wantHi,
          bound: 0,
          ratio: Number.POSITIVE_INFINITY,
          expected: `one of ${[...new Set(verdict.classes)].join(', ')}`,
          note: `ill-conditioned: ${cls} is none of the outcomes over A's error interval (${[...new Set(verdict.classes)].join(', ')})`,
        });
      } else if (cls === 'finite' && !(value >= verdict.low && value <= verdict.high)) {
        // Outside the range: the ratio is 1 plus the excess in units of the rounding allowance at the nearer end.
        const end = value < verdict.low ? verdict.low : verdict.high;
        const allowance = form.roundings * (arith.u * Math.abs(end) + arith.floor);
        tally.record({
          ...at,
          want: wantHi,
          bound: allowance,
          ratio: 1 + Math.abs(value - end) / allowance,
          note: `ill-conditioned: a finite dA must lie in [${verdict.low}, ${verdict.high}]`,
        });
      }
      continue;
    }
    const wantValue = verdict.expected === 'finite' ? (want.dA.hi[i] as number) : Number.NaN;
    if (cls !== verdict.expected) {
      tally.record({
        ...at,
        want: wantValue,
        bound: verdict.bound,
        ratio: Number.POSITIVE_INFINITY,
        expected: verdict.expected,
        note: `${cls} where the dtype's outcome is ${verdict.expected}`,
      });
    } else if (cls === 'finite') {
      const d = distance(want.dA, i, value);
      tally.record({ ...at, want: wantValue, bound: verdict.bound, ratio: d === 0 ? 0 : d / verdict.bound });
    } else {
      tally.record({ ...at, want: wantValue, bound: 0, ratio: 0 });
    }
  }
}
