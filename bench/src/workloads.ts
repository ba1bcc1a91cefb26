import {
  type ActivationName,
  type DType,
  type LossName,
  type Matrix,
  matrix,
  type NetworkSpec,
  seededRandom,
} from '@onegrad/core';

/** A training problem: the network, the batch and the learning rate of one step. */
export interface Workload {
  readonly id: string;
  readonly name: string;
  readonly sizes: readonly number[];
  readonly batch: number;
  readonly loss: LossName;
  /** One activation per layer, as `NetworkSpec.activations`; sigmoid on every layer when absent. */
  readonly activations?: readonly ActivationName[];
  readonly learningRate: number;
}

/** The workloads of the benchmark: the sigmoid ones smallest first, then the softmax classifier. */
export const WORKLOADS: readonly Workload[] = [
  { id: 'W1', name: 'seed', sizes: [2, 2, 1], batch: 2, loss: 'bce', learningRate: 0.1 },
  { id: 'W2', name: 'medium', sizes: [64, 128, 1], batch: 256, loss: 'bce', learningRate: 0.1 },
  { id: 'W3', name: 'wide', sizes: [784, 256, 10], batch: 128, loss: 'bce', learningRate: 0.1 },
  { id: 'W4', name: 'deep', sizes: [32, 64, 64, 64, 64, 1], batch: 64, loss: 'bce', learningRate: 0.1 },
  {
    id: 'W5',
    name: 'classifier',
    sizes: [784, 256, 10],
    batch: 128,
    loss: 'cce',
    activations: ['relu', 'softmax'],
    learningRate: 0.1,
  },
];

/** The workload called `id`; throws for an unknown one. */
export function workloadById(id: string): Workload {
  const w = WORKLOADS.find((candidate) => candidate.id === id);
  if (!w) throw new Error(`unknown workload ${id}; expected one of ${WORKLOADS.map((c) => c.id).join(', ')}`);
  return w;
}

/** The network spec of `w` in `dtype`, naming activations only for a workload that has them. */
export function workloadSpec(w: Workload, dtype: DType): NetworkSpec {
  const spec = { sizes: w.sizes, loss: w.loss, dtype };
  return w.activations === undefined ? spec : { ...spec, activations: w.activations };
}

/** The activation of every layer of `w`, layer 1 first. */
export function workloadActivations(w: Workload): readonly ActivationName[] {
  return w.activations ?? w.sizes.slice(1).map(() => 'sigmoid');
}

/** Seed of the random data and of the initial parameters, the same for every row. */
export const DATA_SEED = 6;

/**
 * The batch of `w` in `dtype`: the seed's two samples for W1, otherwise inputs uniform in [-1, 1)
 * and targets from a seeded generator, so every row trains on the same numbers: 0/1 per output, or for
 * cce one-hot rows (a class drawn uniformly per sample).
 */
export function workloadData(w: Workload, dtype: DType): { x: Matrix; y: Matrix } {
  const n0 = w.sizes[0] as number;
  const nL = w.sizes[w.sizes.length - 1] as number;
  if (w.id === 'W1') {
    return { x: matrix(2, 2, [1, 1, 0, 0], dtype), y: matrix(2, 1, [1, 0], dtype) };
  }
  const rand = seededRandom(DATA_SEED);
  const x = Array.from({ length: w.batch * n0 }, () => 2 * rand() - 1);
  const y =
    w.loss === 'cce'
      ? Array.from({ length: w.batch }, () => Math.floor(rand() * nL)).flatMap((c) =>
          Array.from({ length: nL }, (_, j) => (j === c ? 1 : 0)),
        )
      : Array.from({ length: w.batch * nL }, () => (rand() < 0.5 ? 0 : 1));
  return { x: matrix(w.batch, n0, x, dtype), y: matrix(w.batch, nL, y, dtype) };
}
