import { type DType, type Matrix, matrix } from '@onegrad/core';
import type { Dataset } from '../lib/datasets.js';

/** Cells per side of the decision-boundary heat map. */
export const GRID_SIZE = 48;

/** The plane region shown and the grid's inputs. */
export interface GridInputs {
  /** Left, right, bottom, top of the region. */
  readonly extent: readonly [number, number, number, number];
  /** GRID_SIZE^2 points, row by row from the top, as a batch. */
  readonly x: Matrix;
}

/** The network's output over the grid. */
export interface BoundaryGrid extends GridInputs {
  /** A_L per cell, `outputs` values each (one per class for a softmax output). */
  readonly values: ArrayLike<number>;
  /** Outputs per cell: 1 for a sigmoid or identity output, the class count for a softmax. */
  readonly outputs: number;
}

/** A square region around the dataset with a margin, and the grid's points in it. */
export function gridInputs(data: Dataset, dtype: DType): GridInputs {
  const xs = data.points.map((p) => p[0]);
  const ys = data.points.map((p) => p[1]);
  const cx = (Math.min(...xs) + Math.max(...xs)) / 2;
  const cy = (Math.min(...ys) + Math.max(...ys)) / 2;
  const half = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys)) / 2 + 0.5;
  const extent = [cx - half, cx + half, cy - half, cy + half] as const;
  const values: number[] = [];
  for (let r = 0; r < GRID_SIZE; r++) {
    for (let c = 0; c < GRID_SIZE; c++) {
      values.push(
        extent[0] + ((c + 0.5) / GRID_SIZE) * 2 * half,
        extent[3] - ((r + 0.5) / GRID_SIZE) * 2 * half,
      );
    }
  }
  return { extent, x: matrix(GRID_SIZE * GRID_SIZE, 2, values, dtype) };
}

/** Pairs the grid with the network's outputs on it. */
export function gridOf(inputs: GridInputs, out: Matrix): BoundaryGrid {
  return { ...inputs, values: out.data, outputs: out.cols };
}
