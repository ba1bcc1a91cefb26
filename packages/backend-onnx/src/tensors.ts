import { allocate, type DType, dtypeOf, type Matrix, type Params } from '@onegrad/core';
import { bias, type PackedSlot, weight } from './graph/index.js';
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

/** Tensors W1, b1, ... over the elements of a packed vector laid out as `slots` (views, not copies). */
export function unpackTensors(ort: OrtModule, slots: readonly PackedSlot[], packed: OrtTensor): ParamTensors {
  const data = packed.data as Float32Array | Float64Array;
  const out: Record<string, OrtTensor> = {};
  for (const { name, dims, offset } of slots) {
    out[name] = new ort.Tensor(dtypeOf(data), data.subarray(offset, offset + dims[0] * dims[1]), dims);
  }
  return out;
}

/** A packed vector of `length` elements holding a copy of tensors W1, b1, ... laid out as `slots`. */
export function packTensors(
  ort: OrtModule,
  dtype: DType,
  slots: readonly PackedSlot[],
  length: number,
  tensors: ParamTensors,
): OrtTensor {
  const data = allocate(dtype, length);
  for (const { name, offset } of slots)
    data.set((tensors[name] as OrtTensor).data as ArrayLike<number>, offset);
  return new ort.Tensor(dtype, data, [length]);
}
