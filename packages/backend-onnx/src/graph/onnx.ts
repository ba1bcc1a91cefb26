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

/** An ONNX GraphProto as plain properties. */
export type GraphInit = onnxProto.onnx.IGraphProto;
