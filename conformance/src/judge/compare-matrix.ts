import { dtypeOf, type Matrix } from '@onegrad/core';
import type { Arithmetic } from '../error-model/arithmetic.js';
import { classOf } from '../error-model/float-class.js';
import type { Quantity } from '../error-model/quantity.js';
import { boundOf, distance, type ExpectedMatrix } from './expected.js';
import type { Tally } from './tally.js';

/** Where a comparison happens, for messages. */
export interface Where {
  /** Case id. */
  readonly case: string;
  /** Step index within a multi-step case. */
  readonly step?: number;
  /** Which output is compared: `forward()` or `trace`. */
  readonly source?: string;
}

/** What every comparison of one step records into: the tally, the arithmetic judged in, the location. */
export interface Comparison {
  readonly tally: Tally;
  readonly arith: Arithmetic;
  readonly where: Where;
}

/** Text for a location, e.g. `seed/bce step 3`. */
export function whereText(where: Where): string {
  return where.step === undefined ? where.case : `${where.case} step ${where.step}`;
}

/**
 * Checks shape and dtype of `got`, then records every element's ratio |got - reference| / bound.
 * A non-finite element where the reference is finite has ratio Infinity. `checkDType: false` for
 * values that are plain numbers (the cost).
 */
export function compareMatrix(
  { tally, arith, where }: Comparison,
  quantity: Quantity,
  layer: number | undefined,
  got: Matrix | undefined,
  want: ExpectedMatrix,
  checkDType = true,
): void {
  const name = `${quantity}${layer === undefined ? '' : `[layer ${layer}]`}`;
  if (
    !got ||
    got.rows !== want.rows ||
    got.cols !== want.cols ||
    got.data?.length !== want.rows * want.cols
  ) {
    const shape = got ? `${got.rows}x${got.cols} with ${got.data?.length} values` : String(got);
    tally.problems.push(`${whereText(where)}: ${name} should be ${want.rows}x${want.cols}, got ${shape}`);
    return;
  }
  if (checkDType && dtypeOf(got.data) !== arith.dtype) {
    tally.problems.push(
      `${whereText(where)}: ${name} is ${dtypeOf(got.data)}, the session's dtype is ${arith.dtype}`,
    );
  }
  for (let i = 0; i < got.data.length; i++) {
    const value = got.data[i] as number;
    const base = {
      case: where.case,
      quantity,
      row: Math.floor(i / got.cols),
      col: i % got.cols,
      got: value,
      want: want.hi[i] as number,
    };
    const at = {
      ...base,
      ...(where.step === undefined ? {} : { step: where.step }),
      ...(where.source === undefined ? {} : { source: where.source }),
      ...(layer === undefined ? {} : { layer }),
    };
    const bound = boundOf(want, i, arith.u, arith.floor);
    const cls = classOf(value);
    if (cls !== 'finite') {
      tally.record({
        ...at,
        bound,
        ratio: Number.POSITIVE_INFINITY,
        note: `${cls} where the reference is finite`,
      });
    } else {
      const d = distance(want, i, value);
      // An exact match never offends, even where the bound is 0.
      tally.record({ ...at, bound, ratio: d === 0 ? 0 : d / bound });
    }
  }
}
