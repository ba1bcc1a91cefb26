import type { DType } from '@onegrad/core';
import onnxProto from 'onnx-proto';

// onnx-proto is a CommonJS module that assigns `module.exports`, so Node sees only a default export.
const { onnx } = onnxProto;

/** A graph input of the floor graph: its name and shape. */
export interface GemmInput {
  readonly name: string;
  readonly dims: readonly [number, number];
}

/** The floor graph's encoded model and the inputs it expects. */
export interface GemmGraph {
  readonly bytes: Uint8Array;
  readonly inputs: readonly GemmInput[];
}

function valueInfo(name: string, elemType: number, dims: readonly number[]): onnxProto.onnx.IValueInfoProto {
  return { name, type: { tensorType: { elemType, shape: { dim: dims.map((d) => ({ dimValue: d })) } } } };
}

/**
 * An ONNX graph holding only the matrix products of one training step of `sizes` at batch `m`, and
 * nothing else: per layer l, Z_l = MatMul(A_{l-1}, W_l), dW_l = Gemm(A_{l-1}, dZ_l, transA) and, for
 * l > 1, dA_{l-1} = Gemm(dZ_l, W_l, transB). A_{l-1}, W_l and dZ_l are graph inputs, so no product
 * waits for another and none of the element-wise work of a step is left in.
 */
export function gemmGraph(sizes: readonly number[], m: number, dtype: DType): GemmGraph {
  const type = dtype === 'float32' ? onnx.TensorProto.DataType.FLOAT : onnx.TensorProto.DataType.DOUBLE;
  const inputs: GemmInput[] = [];
  const outputs: onnxProto.onnx.IValueInfoProto[] = [];
  const nodes: onnxProto.onnx.INodeProto[] = [];
  const node = (opType: string, input: string[], output: string, trans?: 'transA' | 'transB') => {
    const attribute = trans ? [{ name: trans, type: onnx.AttributeProto.AttributeType.INT, i: 1 }] : [];
    nodes.push({ opType, input, output: [output], name: output, attribute });
  };
  for (let l = 1; l < sizes.length; l++) {
    const k = sizes[l - 1] as number;
    const n = sizes[l] as number;
    const [a, w, dz] = [`A${l - 1}`, `W${l}`, `dZ${l}`];
    inputs.push({ name: a, dims: [m, k] }, { name: w, dims: [k, n] }, { name: dz, dims: [m, n] });
    node('MatMul', [a, w], `Z${l}`);
    outputs.push(valueInfo(`Z${l}`, type, [m, n]));
    node('Gemm', [a, dz], `dW${l}`, 'transA');
    outputs.push(valueInfo(`dW${l}`, type, [k, n]));
    if (l > 1) {
      node('Gemm', [dz, w], `dA${l - 1}`, 'transB');
      outputs.push(valueInfo(`dA${l - 1}`, type, [m, k]));
    }
  }
  const model = onnx.ModelProto.create({
    irVersion: 8,
    opsetImport: [{ domain: '', version: 17 }],
    producerName: '@onegrad/bench',
    graph: {
      name: 'gemm_floor',
      node: nodes,
      input: inputs.map((i) => valueInfo(i.name, type, i.dims)),
      output: outputs,
    },
  });
  return { bytes: new Uint8Array(onnx.ModelProto.encode(model).finish()), inputs };
}
