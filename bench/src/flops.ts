/**
 * The floating-point operations one training step needs, counting only the matrix products
 * (2mnk for an m x k by k x n product) the way the step needs them. Per dense layer l with batch m:
 * - forward `Z_l = A_{l-1} W_l`: 2 m n_{l-1} n_l;
 * - weight gradient `dW_l = A_{l-1}^T dZ_l`: 2 m n_{l-1} n_l;
 * - input gradient `dA_{l-1} = dZ_l W_l^T`: 2 m n_{l-1} n_l, for every layer but the first, since
 *   nobody needs the gradient of the data.
 * Element-wise work (bias, sigmoid, loss, update) is left out: it is O(m n), not O(m n k). Every row
 * of a workload is credited with the same count, whatever extra work its implementation does.
 */
export function stepFlops(sizes: readonly number[], batch: number): number {
  let flops = 0;
  for (let l = 1; l < sizes.length; l++) {
    const product = 2 * batch * (sizes[l - 1] as number) * (sizes[l] as number);
    flops += l === 1 ? 2 * product : 3 * product;
  }
  return flops;
}

/** GFLOP/s of a step of `flops` operations taking `ms` milliseconds. */
export function gflops(flops: number, ms: number): number {
  return flops / (ms * 1e6);
}
