import type { DType, LossName } from '@onegrad/core';
import type { DatasetName } from '../lib/datasets.js';

/** Everything the learner chooses on the page. */
export interface Settings {
  /** Which points to fit. */
  readonly dataset: DatasetName;
  /** Seed of the dataset and of the initial weights. */
  readonly seed: number;
  /** Loss on the output. */
  readonly loss: LossName;
  /** Dtype of every tensor. */
  readonly dtype: DType;
  /** Hidden layer widths; the network is [2, ...hidden, 1]. */
  readonly hidden: readonly number[];
  /** SGD learning rate. */
  readonly lr: number;
  /** Backend id to start on. */
  readonly backend: string;
  /** Steps per animation frame while playing. */
  readonly speed: number;
}

/** The speeds offered, in steps per frame. */
export const SPEEDS: readonly number[] = [1, 10, 100, 1000];

/** The page's starting point: the seed's own network, two points, BCE, float32. */
export const DEFAULT_SETTINGS: Settings = {
  dataset: 'seed',
  seed: 1,
  loss: 'bce',
  dtype: 'float32',
  hidden: [2],
  lr: 0.5,
  backend: 'ts',
  speed: 10,
};

/** Parses `4, 3` into hidden widths; undefined when it is not 1 to 4 integers in 1..32. */
export function parseHidden(text: string): number[] | undefined {
  const parts = text.split(/[\s,]+/).filter((p) => p !== '');
  const sizes = parts.map(Number);
  const ok =
    sizes.length >= 1 && sizes.length <= 4 && sizes.every((n) => Number.isInteger(n) && n >= 1 && n <= 32);
  return ok ? sizes : undefined;
}

/** True when a change from `a` to `b` needs a fresh network (anything but the learning rate and backend). */
export function needsReset(a: Settings, b: Settings): boolean {
  return (
    a.dataset !== b.dataset ||
    a.seed !== b.seed ||
    a.loss !== b.loss ||
    a.dtype !== b.dtype ||
    a.hidden.join(',') !== b.hidden.join(',')
  );
}
