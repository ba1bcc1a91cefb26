import { problemBatch, problemParams, problemSpec, seedProblem } from '@onegrad/conformance';
import type { Batch, DType, LossName, NetworkSpec, Params } from '@onegrad/core';

/** The seed's 2-2-1 network with its batch X = [[1, 1], [0, 0]], Y = [[1], [0]] and lr 0.1, in `dtype`. */
export function seedNet(
  dtype: DType,
  loss: LossName = 'bce',
): { spec: NetworkSpec; params: Params; batch: Batch; learningRate: number } {
  const p = seedProblem(loss);
  return {
    spec: problemSpec(p, dtype),
    params: problemParams(p, dtype),
    batch: problemBatch(p, dtype),
    learningRate: p.learningRate,
  };
}
