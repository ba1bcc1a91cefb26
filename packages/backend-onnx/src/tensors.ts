import { dtypeOf, type Matrix, type Params } from '@onegrad/core';
import { bias, weight } from './graph/index.js';
import type { OrtModule, OrtTensor } from './ort-like.js';

/** A runtime tensor over the elements of `m`, not a copy: core hands the engine private copies. */
export function toTensor(ort: OrtModule, m: Matrix): OrtTensor {
  return new ort.Tensor(dtypeOf(m.data), m.data, [m.rows, m.cols]);
}

/** A matrix holding a copy of a 2-D float tensor's elements, bit for bit. */
export function toMatrix(t: OrtTensor): Matrix {
  const data = t.data;
  if (!(data instanceof Float32Array || data instanceof Float64Array)) {
    throw new TypeError(`expected a float32 or float64 tensor, got ${t.type}`);
  }
  const rows = t.dims.length === 2 ? (t.dims[0] as number) : 1;
  return { rows, cols: data.length / rows, data: data.slice() };
}

/** The first element of a scalar tensor as a number (a float loss or a bool flag). */
export function scalarOf(t: OrtTensor): number {
  const data = t.data as ArrayLike<number | boolean>;
  return Number(data[0]);
}

/** Parameters as named runtime tensors W1, b1, ..., the feeds of every graph. */
export type ParamTensors = Readonly<Record<string, OrtTensor>>;

/** Wraps private parameters (already in the spec's dtype) into runtime tensors W1, b1, ... */
export function paramTensors(ort: OrtModule, params: Params): ParamTensors {
  const out: Record<string, OrtTensor> = {};
  params.forEach((p, i) => {
    out[weight(i + 1)] = toTensor(ort, p.W);
    out[bias(i + 1)] = toTensor(ort, p.b);
  });
  return out;
}

/** Copies parameter tensors W1, b1, ... back into core params. */
export function paramsOf(tensors: ParamTensors, layers: number): Params {
  return Array.from({ length: layers }, (_, i) => ({
    W: toMatrix(tensors[weight(i + 1)] as OrtTensor),
    b: toMatrix(tensors[bias(i + 1)] as OrtTensor),
  }));
}
