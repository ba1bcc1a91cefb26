import {
  ACTIVATIONS,
  type ActivationName,
  type Batch,
  type DType,
  findActivation,
  initParams,
  type LossName,
  matrix,
  type NetworkSpec,
  type Params,
  seededRandom,
} from '@onegrad/core';

/** Every valid (output activation, loss) pair: the canonical ones, then mse after each activation. */
export const OUTPUT_PAIRS: readonly (readonly [ActivationName, LossName])[] = [
  ['sigmoid', 'bce'],
  ['softmax', 'cce'],
  ...ACTIVATIONS.map((a) => [a, 'mse'] as const),
];

/** The activations a hidden layer may have (every one but the row-wise softmax). */
export const HIDDEN: readonly ActivationName[] = ACTIVATIONS.filter(
  (a) => findActivation(a)?.rowwise === false,
);

/** A [3, 4, 4, 3] network with `hidden` on both hidden layers and `output` on the last. */
export function caseSpec(
  hidden: ActivationName,
  output: ActivationName,
  loss: LossName,
  dtype: DType,
): NetworkSpec {
  return { sizes: [3, 4, 4, 3], loss, dtype, activations: [hidden, hidden, output] };
}

/** Targets the loss accepts: 0 or 1 (bce), a one-hot row (cce), anything in [0, 1] (mse). */
function targets(loss: LossName, rows: number, cols: number, rand: () => number): number[] {
  return Array.from({ length: rows }, () => {
    const hot = Math.floor(rand() * cols);
    return Array.from({ length: cols }, (_, j) => {
      if (loss === 'cce') return j === hot ? 1 : 0;
      return loss === 'bce' ? Math.round(rand()) : rand();
    });
  }).flat();
}

/** Deterministic parameters (Glorot, scaled by 2 so units leave their linear range) and a batch of 5. */
export function caseInputs(spec: NetworkSpec, seed: number): { params: Params; batch: Batch } {
  const rand = seededRandom(seed);
  const params = initParams(spec, seed).map((p) => ({
    W: matrix(
      p.W.rows,
      p.W.cols,
      Array.from(p.W.data, (v) => 2 * v),
      spec.dtype,
    ),
    b: matrix(
      1,
      p.b.cols,
      Array.from(p.b.data, () => rand() - 0.5),
      spec.dtype,
    ),
  }));
  const n0 = spec.sizes[0] as number;
  const nL = spec.sizes[spec.sizes.length - 1] as number;
  const x = matrix(
    5,
    n0,
    Array.from({ length: 5 * n0 }, () => 4 * rand() - 2),
    spec.dtype,
  );
  const y = matrix(5, nL, targets(spec.loss, 5, nL, rand), spec.dtype);
  return { params, batch: { x, y } };
}
