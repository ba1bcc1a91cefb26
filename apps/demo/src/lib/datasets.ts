import { type Batch, type DType, matrix, seededRandom } from '@onegrad/core';

/** The two-class datasets the page and the CLI train on (labels 0 or 1). */
export const DATASET_NAMES = ['seed', 'xor', 'circles', 'moons', 'spiral'] as const;

/** Name of a two-class dataset. */
export type DatasetName = (typeof DATASET_NAMES)[number];

/** The datasets with more than two classes, for a softmax output with one-hot targets (the CLI's). */
export const MULTICLASS_DATASET_NAMES = ['blobs3'] as const;

/** Name of a dataset with more than two classes. */
export type MulticlassDatasetName = (typeof MULTICLASS_DATASET_NAMES)[number];

/** Every dataset: the two-class ones, then the multi-class ones. */
export const ALL_DATASET_NAMES = [...DATASET_NAMES, ...MULTICLASS_DATASET_NAMES] as const;

/** Name of any dataset. */
export type AnyDatasetName = (typeof ALL_DATASET_NAMES)[number];

/** A labelled 2-D dataset: points in roughly [-1.5, 1.5]^2, labels 0 to `classes - 1`. */
export interface Dataset {
  /** Which dataset this is. */
  readonly name: AnyDatasetName;
  /** How many classes the labels take: 2, or more for a multi-class dataset. */
  readonly classes: number;
  /** One [x1, x2] per sample. */
  readonly points: readonly (readonly [number, number])[];
  /** One label per sample, an integer from 0 to `classes - 1`. */
  readonly labels: readonly number[];
}

/** One sentence per dataset for the page and `--help`. */
export const DATASET_HELP: Readonly<Record<AnyDatasetName, string>> = {
  seed: "the seed's two points: (1, 1) -> 1 and (0, 0) -> 0",
  xor: 'four corners; no straight line separates them, so the hidden layer has to',
  circles: 'a ring around a disc',
  moons: 'two interleaved half-moons',
  spiral: 'two interleaved spiral arms, the hardest',
  blobs3: 'three round clusters, one per class (one-hot targets, for softmax + cce)',
};

/** True when `value` names a two-class dataset. */
export function isDatasetName(value: string): value is DatasetName {
  return (DATASET_NAMES as readonly string[]).includes(value);
}

/** True when `value` names any dataset, two-class or multi-class. */
export function isAnyDatasetName(value: string): value is AnyDatasetName {
  return (ALL_DATASET_NAMES as readonly string[]).includes(value);
}

/** The number of classes of dataset `name`, known before it is drawn. */
export function classesOf(name: AnyDatasetName): number {
  return name === 'blobs3' ? 3 : 2;
}

/** Builds a dataset; the random ones are drawn from `seed`, so the same seed gives the same points. */
export function makeDataset(name: AnyDatasetName, seed = 7, count = 120): Dataset {
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
  } else if (name === 'blobs3') {
    // Labels cycle 0, 1, 2 so that the first samples shown cover every class; centres 120 degrees apart.
    for (let i = 0; i < count; i++) {
      const label = i % 3;
      const centre = Math.PI / 2 + (label * 2 * Math.PI) / 3;
      const r = 0.4 * Math.sqrt(rand());
      const phi = rand() * 2 * Math.PI;
      add(0.8 * Math.cos(centre) + r * Math.cos(phi), 0.8 * Math.sin(centre) + r * Math.sin(phi), label);
    }
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
  return { name, classes: classesOf(name), points, labels };
}

/**
 * The dataset as one full batch in onegrad's row layout: x is m x 2; y is m x 1 (the label) or, with
 * `oneHot`, m x classes with a 1 in the label's column (the targets of a softmax output). A dataset
 * with more than two classes has one-hot targets only.
 */
export function toBatch(data: Dataset, dtype: DType, oneHot = data.classes > 2): Batch {
  const m = data.points.length;
  const x = matrix(m, 2, data.points.flat(), dtype);
  if (!oneHot) {
    if (data.classes > 2)
      throw new RangeError(`${data.name} has ${data.classes} classes: its targets are one-hot rows`);
    return { x, y: matrix(m, 1, data.labels, dtype) };
  }
  const k = data.classes;
  const y = new Array<number>(m * k).fill(0);
  data.labels.forEach((label, i) => {
    y[i * k + label] = 1;
  });
  return { x, y: matrix(m, k, y, dtype) };
}
