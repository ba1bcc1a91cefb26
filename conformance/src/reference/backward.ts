import { MEAN_SCALE_ROUNDINGS } from '../error-model/constants.js';
import { BoundedBuilder, type BoundedMatrix, exactBounded, mag } from './bounded.js';
import { ZERO } from './decimal.js';
import { type DMatrix, dat } from './dmatrix.js';
import { activationRowOf, type ReferenceForwardLayer, rowOf, setRow } from './forward.js';
import { boundedDot } from './product.js';

/** dW and db of one layer, with their bounds. */
export interface ReferenceLayerGradients {
  /** dW = (1/m) A_prev^T dZ. */
  readonly dW: BoundedMatrix;
  /** db = (1/m) column sums of dZ. */
  readonly db: BoundedMatrix;
}

/**
 * dW_kj = (1/m) sum_i a_ik dZ_ij: m products and m - 1 additions, then the 1/m (2 roundings):
 *   M = (1/m) [ (m + 2) sum_i |a_ik dZ_ij| + sum_i (|dZ_ij| M(a_ik) + |a_ik| M(dZ_ij)) ],
 *   F = 2m + 1 + (1/m) sum_i (|dZ_ij| F(a_ik) + |a_ik| F(dZ_ij)).
 * db_j = (1/m) sum_i dZ_ij:  M = (1/m) [ (m + 1) sum_i |dZ_ij| + sum_i M(dZ_ij) ],  F = m + 1 + (1/m) sum_i F(dZ_ij).
 */
export function referenceWeightGradients(aPrev: BoundedMatrix, dZ: BoundedMatrix): ReferenceLayerGradients {
  const m = dZ.rows;
  const n = aPrev.cols;
  const units = dZ.cols;
  const aAbs = aPrev.v.map(mag);
  const gAbs = dZ.v.map(mag);
  const dW = new BoundedBuilder(n, units);
  const db = new BoundedBuilder(1, units);
  for (let j = 0; j < units; j++) {
    for (let k = 0; k < n; k++) {
      const { sum, absSum, carriedM, carriedF } = boundedDot(
        m,
        { of: aPrev, abs: aAbs, start: k, stride: n },
        { of: dZ, abs: gAbs, start: j, stride: units },
      );
      dW.set(
        k * units + j,
        sum.div(m),
        ((m + MEAN_SCALE_ROUNDINGS) * absSum + carriedM) / m,
        2 * m + 1 + carriedF / m,
      );
    }
    let sum = ZERO;
    let absSum = 0;
    let carriedM = 0;
    let carriedF = 0;
    for (let i = 0; i < m; i++) {
      sum = sum.plus(dat(dZ, i, j));
      absSum += gAbs[i * units + j] as number;
      carriedM += dZ.m[i * units + j] as number;
      carriedF += dZ.f[i * units + j] as number;
    }
    db.set(j, sum.div(m), ((m - 1 + MEAN_SCALE_ROUNDINGS) * absSum + carriedM) / m, m + 1 + carriedF / m);
  }
  return { dW: dW.done(), db: db.done() };
}

/**
 * dA_prev = dZ W^T: element (i, k) = sum_j dZ_ij W_kj over the n_l units (gamma_n, 2n - 1 operations):
 *   M = n sum_j |dZ_ij W_kj| + sum_j |W_kj| M(dZ_ij),   F = 2n - 1 + sum_j |W_kj| F(dZ_ij).
 */
export function referenceBackToInputs(dZ: BoundedMatrix, W: DMatrix): BoundedMatrix {
  const batch = dZ.rows;
  const units = W.cols;
  const n = W.rows;
  const w = { of: exactBounded(W), abs: W.v.map(mag) };
  const gAbs = dZ.v.map(mag);
  const out = new BoundedBuilder(batch, n);
  for (let i = 0; i < batch; i++) {
    for (let k = 0; k < n; k++) {
      const { sum, absSum, carriedM, carriedF } = boundedDot(
        units,
        { of: dZ, abs: gAbs, start: i * units, stride: 1 },
        { ...w, start: k * units, stride: 1 },
      );
      out.set(i * n + k, sum, units * absSum + carriedM, 2 * units - 1 + carriedF);
    }
  }
  return out.done();
}

/** dZ = dA * f'(Z) of a hidden layer, row by row with the layer's activation reference. */
export function referenceHiddenDZ(dA: BoundedMatrix, layer: ReferenceForwardLayer): BoundedMatrix {
  const out = new BoundedBuilder(dA.rows, dA.cols);
  for (let i = 0; i < dA.rows; i++) {
    setRow(
      out,
      dA.cols,
      i,
      layer.activation.backward(rowOf(dA, i), rowOf(layer.z, i), activationRowOf(layer, i)),
    );
  }
  return out.done();
}
