import { MEAN_SCALE_ROUNDINGS } from '../error-model/constants.js';
import { BoundedBuilder, type BoundedMatrix, mag } from './bounded.js';
import { type Dec, ZERO } from './decimal.js';
import type { DMatrix } from './dmatrix.js';
import { activationRowOf, type ReferenceForwardLayer, rowOf, setRow } from './forward.js';
import type { LossReference } from './kinds.js';

/** The cost J (1 x 1), the unfused dA_L and the dZ_L of the output layer, with their bounds. */
export interface ReferenceOutput {
  /** J = (1/m) sum over samples of the loss's terms. */
  readonly cost: BoundedMatrix;
  /** dl/dA per sample, unfused. */
  readonly dA: BoundedMatrix;
  /** dl/dZ per sample: fused for a canonical pair, else dA through the activation. */
  readonly dZ: BoundedMatrix;
}

/**
 * Loss, its gradient and the output dZ, row by row with the loss's reference (its file under
 * `losses/`). The cost sums N terms >= 0 (one per output for bce and mse, one per row for cce):
 *   M(J) = (N - 1 + 2) J + (1/m) sum M(term),   F(J) = N + 1 + (1/m) sum F(term).
 */
export function referenceOutput(
  out: ReferenceForwardLayer,
  y: DMatrix,
  loss: LossReference,
  fused: boolean,
): ReferenceOutput {
  const { rows, cols } = out.z;
  const dA = new BoundedBuilder(rows, cols);
  const dZ = new BoundedBuilder(rows, cols);
  let total = ZERO;
  let absTotal = 0;
  let negative = false;
  let lossM = 0;
  let lossF = 0;
  let count = 0;
  for (let i = 0; i < rows; i++) {
    const z = rowOf(out.z, i);
    const a = activationRowOf(out, i);
    const yRow: Dec[] = y.v.slice(i * cols, (i + 1) * cols);
    for (const term of loss.terms(z, a, yRow)) {
      total = total.plus(term.v);
      absTotal += mag(term.v);
      negative ||= term.v.isNeg() && !term.v.isZero();
      lossM += term.m;
      lossF += term.f;
      count++;
    }
    const g = loss.gradA(z, a, yRow);
    setRow(dA, cols, i, g);
    const fusedDZ = fused ? loss.fusedGradZ?.(z, a, yRow) : undefined;
    if (fused && fusedDZ === undefined) throw new Error(`loss reference '${loss.name}' lacks its fused dZ`);
    setRow(dZ, cols, i, fusedDZ ?? out.activation.backward(g, z, a));
  }
  const J = total.div(rows);
  // Terms of mixed sign (cce with targets rounded off a sum of 1) are summed by magnitude.
  const scale = negative ? absTotal / rows : mag(J);
  const cost = new BoundedBuilder(1, 1);
  cost.set(0, J, (count - 1 + MEAN_SCALE_ROUNDINGS) * scale + lossM / rows, count + 1 + lossF / rows);
  return { cost: cost.done(), dA: dA.done(), dZ: dZ.done() };
}
