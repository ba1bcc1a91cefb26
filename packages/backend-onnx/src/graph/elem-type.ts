import type { DType } from '@onegrad/core';
import type { Dim } from './dims.js';
import { onnx, type ValueInfoInit } from './onnx.js';

export { BATCH, type Dim } from './dims.js';

/** The ONNX TensorProto.DataType of a dtype: FLOAT for float32, DOUBLE for float64. */
export function elemType(dtype: DType): number {
  return dtype === 'float32' ? onnx.TensorProto.DataType.FLOAT : onnx.TensorProto.DataType.DOUBLE;
}

/** A graph input or output of element type `type` and shape `dims`. */
export function valueInfo(name: string, type: number, dims: readonly Dim[]): ValueInfoInit {
  const dim = dims.map((d) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d }));
  return { name, type: { tensorType: { elemType: type, shape: { dim } } } };
}
