import { type Batch, type DType, matrix, seededRandom } from '@onegrad/core';

/** The datasets the demo trains on. */
export const DATASET_NAMES = ['seed', 'xor', 'circles', 'moons', 'spiral'] as const;

/** Name of a dataset. */
export type DatasetName = (typeof DATASET_NAMES)[number];

/** A labelled 2-D dataset: points in roughly [-1.5, 1.5]^2, labels 0 or 1. */
export interface Dataset {
  /** Which dataset this is. */
  readonly name: DatasetName;
  /** One [x1, x2] per sample. */
  readonly points: readonly (readonly [number, number])[];
  /** One label per sample, 0 or 1. */
  readonly labels: readonly number[];
}

/** One sentence per dataset for the page and `--help`. */
export const DATASET_HELP: Readonly<Record<DatasetName, string>> = {
  seed: "the seed's two points: (1, 1) -> 1 and (0, 0) -> 0",
  xor: 'four corners; no straight line separates them, so the hidden layer has to',
  circles: 'a ring around a disc',
  moons: 'two interleaved half-moons',
  spiral: 'two interleaved spiral arms, the hardest',
};

/** True when `value` names a dataset. */
export function isDatasetName(value: string): value is DatasetName {
  return (DATASET_NAMES as readonly string[]).includes(value);
}

/** Builds a dataset; the random ones are drawn from `seed`, so the same seed gives the same points. */
export function makeDataset(name: DatasetName, seed = 7, count = 120): Dataset {
  const rand = seededRandom(seed);
  const noise = (s: number) => (rand() * 2 - 1) * s;
  const points: [number, number][] = [];
  const labels: number[] = [];
  const add = (x1: number, x2: number, label: number) => {
    points.push([x1, x2]);
    labels.push(label);
  };
  if (name === 'seed') {
    add(1, 1, 1);
    add(0, 0, 0);
  } else if (name === 'xor') {
    for (const [a, b] of [
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ] as const)
      add(a, b, a ^ b);
  } else {
    // Labels alternate 0, 1, 0, 1 so that the first samples shown on the page cover both classes.
    for (let i = 0; i < count; i++) {
      const label = i % 2;
      const t = rand();
      if (name === 'circles') {
        const r = label ? 0.45 * Math.sqrt(t) : 0.85 + 0.3 * t;
        const phi = rand() * 2 * Math.PI;
        add(r * Math.cos(phi), r * Math.sin(phi), label);
      } else if (name === 'moons') {
        const phi = t * Math.PI;
        const [cx, cy, sy] = label ? [0.5, 0.25, -1] : [-0.5, -0.25, 1];
        add(
          cx + (label ? -1 : 1) * Math.cos(phi) * 0.9 + noise(0.1),
          cy + sy * Math.sin(phi) * 0.7 + noise(0.1),
          label,
        );
      } else {
        const r = 0.15 + 1.2 * t;
        const phi = t * 3 * Math.PI + label * Math.PI;
        add(r * Math.cos(phi) + noise(0.04), r * Math.sin(phi) + noise(0.04), label);
      }
    }
  }
  return { name, points, labels };
}

/** The dataset as one full batch in onegrad's row layout: x is m x 2, y is m x 1. */
export function toBatch(data: Dataset, dtype: DType): Batch {
  return {
    x: matrix(data.points.length, 2, data.points.flat(), dtype),
    y: matrix(data.labels.length, 1, data.labels, dtype),
  };
}
