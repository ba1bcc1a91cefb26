import onnxProto from 'onnx-proto';

// onnx-proto is a CommonJS module that assigns `module.exports`, so Node sees only a default export.
/** The generated protobuf classes of onnx.proto (ModelProto, GraphProto, NodeProto, ...). */
export const onnx = onnxProto.onnx;

/** An ONNX ModelProto as plain properties. */
export type ModelInit = onnxProto.onnx.IModelProto;
/** An ONNX NodeProto as plain properties. */
export type NodeInit = onnxProto.onnx.INodeProto;
/** An ONNX TensorProto as plain properties. */
export type TensorInit = onnxProto.onnx.ITensorProto;
/** An ONNX ValueInfoProto as plain properties. */
export type ValueInfoInit = onnxProto.onnx.IValueInfoProto;
/** An ONNX AttributeProto as plain properties. */
export type AttributeInit = onnxProto.onnx.IAttributeProto;

/** The ai.onnx opset every graph imports; all its operators have float and double CPU kernels here. */
export const OPSET = 17;

/** IR version matching {@link OPSET} (ONNX 1.12 and later read it). */
export const IR_VERSION = 8;

/** Name written into `producer_name` of every model. */
export const PRODUCER = '@onegrad/backend-onnx';
/** An ONNX GraphProto as plain properties. */
export type GraphInit = onnxProto.onnx.IGraphProto;
