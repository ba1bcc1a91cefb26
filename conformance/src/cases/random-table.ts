import type { LossName } from '@onegrad/core';

/** The shape of one seeded random case. */
export interface RandomCaseSpec {
  /** Case name: the case id is `random/<name>`, the data file `data/random/<name>.json`. */
  readonly name: string;
  /** Layer widths [n0, ..., nL]. */
  readonly sizes: readonly number[];
  /** Samples in the batch. */
  readonly batch: number;
  /** The loss. */
  readonly loss: LossName;
  /** Hard targets are 0 or 1; soft ones uniform in [0, 1). */
  readonly targets: 'hard' | 'soft';
  /** SGD learning rate. */
  readonly learningRate: number;
  /** Seed of the values. */
  readonly seed: number;
}

/**
 * Depth 1 to 4, widths 1 to 64, batch 1 to 128, both losses, hard and soft targets; batch 1 with
 * both losses, and depth 1 with both losses. The extremes are pinned; the sizes keep the stored
 * reference to a few MB (the widest layers meet small batches).
 */
export const RANDOM_CASES: readonly RandomCaseSpec[] = [
  {
    name: 'd1-w1-b1-bce-hard',
    sizes: [1, 1],
    batch: 1,
    loss: 'bce',
    targets: 'hard',
    learningRate: 0.1,
    seed: 101,
  },
  {
    name: 'd2-b5-mse-soft',
    sizes: [2, 3, 1],
    batch: 5,
    loss: 'mse',
    targets: 'soft',
    learningRate: 0.5,
    seed: 102,
  },
  {
    name: 'd3-b16-bce-soft',
    sizes: [4, 8, 8, 2],
    batch: 16,
    loss: 'bce',
    targets: 'soft',
    learningRate: 1,
    seed: 103,
  },
  {
    name: 'd4-b9-mse-hard',
    sizes: [5, 7, 6, 4, 3],
    batch: 9,
    loss: 'mse',
    targets: 'hard',
    learningRate: 0.3,
    seed: 104,
  },
  {
    name: 'd1-in64-b128-bce-hard',
    sizes: [64, 1],
    batch: 128,
    loss: 'bce',
    targets: 'hard',
    learningRate: 0.1,
    seed: 105,
  },
  {
    name: 'd2-w64-b32-mse-soft',
    sizes: [1, 64, 1],
    batch: 32,
    loss: 'mse',
    targets: 'soft',
    learningRate: 2,
    seed: 106,
  },
  {
    name: 'd2-w64-b4-bce-soft',
    sizes: [32, 64, 4],
    batch: 4,
    loss: 'bce',
    targets: 'soft',
    learningRate: 0.5,
    seed: 107,
  },
  {
    name: 'd4-b128-bce-hard',
    sizes: [8, 4, 4, 4, 1],
    batch: 128,
    loss: 'bce',
    targets: 'hard',
    learningRate: 1,
    seed: 108,
  },
  {
    name: 'd2-b64-mse-soft',
    sizes: [3, 10, 2],
    batch: 64,
    loss: 'mse',
    targets: 'soft',
    learningRate: 0.1,
    seed: 109,
  },
  {
    name: 'd3-b24-bce-soft',
    sizes: [6, 12, 24, 12],
    batch: 24,
    loss: 'bce',
    targets: 'soft',
    learningRate: 0.3,
    seed: 110,
  },
  {
    name: 'd4-w2-b2-mse-hard',
    sizes: [2, 2, 2, 2, 2],
    batch: 2,
    loss: 'mse',
    targets: 'hard',
    learningRate: 1,
    seed: 111,
  },
  {
    name: 'd1-b50-bce-soft',
    sizes: [7, 3],
    batch: 50,
    loss: 'bce',
    targets: 'soft',
    learningRate: 0.5,
    seed: 112,
  },
  {
    name: 'd1-b1-mse-soft',
    sizes: [3, 2],
    batch: 1,
    loss: 'mse',
    targets: 'soft',
    learningRate: 0.7,
    seed: 113,
  },
  {
    name: 'd3-b1-mse-hard',
    sizes: [4, 6, 5, 2],
    batch: 1,
    loss: 'mse',
    targets: 'hard',
    learningRate: 0.4,
    seed: 114,
  },
];
