import { cast, type DType, dtypeOf, type Matrix, type Params } from '@onegrad/core';
import { bias, weight } from './graph/index.js';
import type { OrtModule, OrtTensor } from './ort-like.js';

/** A runtime tensor holding a copy of `m` in `dtype`, so later changes to `m` do not reach the engine. */
export function toTensor(ort: OrtModule, m: Matrix, dtype: DType): OrtTensor {
  const data = dtypeOf(m.data) === dtype ? m.data.slice() : cast(m, dtype).data;
  return new ort.Tensor(dtype, data, [m.rows, m.cols]);
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

/** Wraps validated parameters (already in `dtype`, already copied) into runtime tensors. */
export function paramTensors(ort: OrtModule, params: Params, dtype: DType): ParamTensors {
  const out: Record<string, OrtTensor> = {};
  params.forEach((p, i) => {
    out[weight(i + 1)] = new ort.Tensor(dtype, p.W.data, [p.W.rows, p.W.cols]);
    out[bias(i + 1)] = new ort.Tensor(dtype, p.b.data, [p.b.rows, p.b.cols]);
  });
  return out;
}

/** Copies named parameter tensors (`W1`/`b1` or `W1_next`/`b1_next` style) back into core params. */
export function paramsOf(
  tensors: Readonly<Record<string, OrtTensor>>,
  layers: number,
  name = weight,
  b = bias,
): Params {
  return Array.from({ length: layers }, (_, i) => ({
    W: toMatrix(tensors[name(i + 1)] as OrtTensor),
    b: toMatrix(tensors[b(i + 1)] as OrtTensor),
  }));
}
