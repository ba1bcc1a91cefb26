import { BoundedBuilder, type BoundedMatrix, exactBounded, mag } from '../error-model/bounded.js';
import { SIGMOID_OPS, SIGMOID_ROUNDINGS } from '../error-model/constants.js';
import { Dec, ONE } from './decimal.js';
import { type DMatrix, dat } from './dmatrix.js';
import { boundedDot } from './product.js';

/** Z, A and 1 - A of one dense + sigmoid layer, with their bounds. */
export interface ReferenceForwardLayer {
  /** Z = A_prev W + b. */
  readonly z: BoundedMatrix;
  /** A = sigma(Z). */
  readonly a: BoundedMatrix;
  /** 1 - A, computed as sigma(-Z) so that it keeps full relative precision when A is near 1. */
  readonly aBar: DMatrix;
}

/**
 * One dense + sigmoid layer. Z_ij is a dot product of fan-in n plus the bias: at most n + 1 roundings
 * on each term (gamma_{n+1}) and 2n operations that may underflow, plus the error carried in by A_prev:
 *   M(Z) = (n + 1) (sum_k |a_ik w_kj| + |b_j|) + sum_k |w_kj| M(a_ik),   F(Z) = 2n + sum_k |w_kj| F(a_ik).
 * A = sigma(Z): M(A) = sigma'(z) M(Z) + 4 |a|,   F(A) = sigma'(z) F(Z) + 4 (the exp counts twice).
 */
export function referenceDenseSigmoid(aPrev: BoundedMatrix, W: DMatrix, b: DMatrix): ReferenceForwardLayer {
  const batch = aPrev.rows;
  const n = W.rows;
  const units = W.cols;
  const w = { of: exactBounded(W), abs: W.v.map(mag) };
  const aAbs = aPrev.v.map(mag);
  const z = new BoundedBuilder(batch, units);
  const a = new BoundedBuilder(batch, units);
  const aBar: Dec[] = [];
  for (let i = 0; i < batch; i++) {
    for (let j = 0; j < units; j++) {
      const { sum, absSum, carriedM, carriedF } = boundedDot(
        n,
        { of: aPrev, abs: aAbs, start: i * n, stride: 1 },
        { ...w, start: j, stride: units },
        dat(b, 0, j),
      );
      const index = i * units + j;
      const zM = (n + 1) * absSum + carriedM;
      const zF = 2 * n + carriedF;
      z.set(index, sum, zM, zF);
      // One exp of -|z| gives both sigma(z) and sigma(-z) without cancellation.
      const e = Dec.exp(sum.abs().neg());
      const big = ONE.div(e.plus(1));
      const small = e.div(e.plus(1));
      const [av, barv] = sum.isNeg() ? [small, big] : [big, small];
      const slope = av.times(barv).toNumber();
      a.set(index, av, slope * zM + SIGMOID_ROUNDINGS * av.toNumber(), slope * zF + SIGMOID_OPS);
      aBar[index] = barv;
    }
  }
  return { z: z.done(), a: a.done(), aBar: { rows: batch, cols: units, v: aBar } };
}
