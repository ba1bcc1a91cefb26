import {
  type ActivationName,
  type Batch,
  type DType,
  type LossName,
  type Matrix,
  matrix,
  type NetworkSpec,
  type Params,
} from '@onegrad/core';
import { exact } from '../reference/decimal.js';
import { dmatrix } from '../reference/dmatrix.js';
import type { DLayerParams, ReferenceInput } from '../reference/step.js';

/** A row-major matrix of plain numbers, every one exactly representable in float32. */
export interface PlainMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: readonly number[];
}

/** One training problem, independent of dtype: one reference serves float32 and float64. */
export interface Problem {
  /** Layer widths [n0, ..., nL]. */
  readonly sizes: readonly number[];
  /** The loss. */
  readonly loss: LossName;
  /** One activation per layer; sigmoid everywhere when absent. */
  readonly activations?: readonly ActivationName[];
  /** Inputs, batch x n0. */
  readonly x: PlainMatrix;
  /** Targets, batch x nL. */
  readonly y: PlainMatrix;
  /** Parameters, layer 1 first. */
  readonly params: readonly { readonly W: PlainMatrix; readonly b: PlainMatrix }[];
  /** SGD learning rate (any positive double; float32 backends round it). */
  readonly learningRate: number;
}

/** A plain matrix from nested rows, rounding every value to float32. */
export function plain(rows: readonly (readonly number[])[]): PlainMatrix {
  return { rows: rows.length, cols: rows[0]?.length ?? 0, data: rows.flat().map(Math.fround) };
}

/** The network spec of a problem in `dtype`. */
export function problemSpec(p: Problem, dtype: DType): NetworkSpec {
  return p.activations
    ? { sizes: p.sizes, loss: p.loss, dtype, activations: p.activations }
    : { sizes: p.sizes, loss: p.loss, dtype };
}

const toMatrix = (m: PlainMatrix, dtype: DType): Matrix => matrix(m.rows, m.cols, m.data, dtype);

/** The batch of a problem in `dtype`. */
export function problemBatch(p: Problem, dtype: DType): Batch {
  return { x: toMatrix(p.x, dtype), y: toMatrix(p.y, dtype) };
}

/** The parameters of a problem in `dtype`. */
export function problemParams(p: Problem, dtype: DType): Params {
  return p.params.map((q) => ({ W: toMatrix(q.W, dtype), b: toMatrix(q.b, dtype) }));
}

/** The reference input of a problem, from its own parameters or from a backend's current ones. */
export function referenceInputOf(p: Problem, params?: Params | readonly DLayerParams[]): ReferenceInput {
  const source = params ?? p.params;
  return {
    loss: p.loss,
    ...(p.activations ? { activations: p.activations } : {}),
    x: dmatrix(p.x),
    y: dmatrix(p.y),
    params: source.map((q) =>
      'v' in q.W ? (q as DLayerParams) : { W: dmatrix(q.W as PlainMatrix), b: dmatrix(q.b as PlainMatrix) },
    ),
    learningRate: exact(p.learningRate),
  };
}
