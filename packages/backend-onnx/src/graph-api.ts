// What both entries (Node and web) export besides their backend: the graph, its export and its registries.
// Each name comes from its own module, never the graph barrel, so the public types never reach onnx-proto.
export { exportOnnx, trainingGraph } from './export-onnx.js';
export { MAX_ONNX_LAYERS } from './graph/depth-limit.js';
export type { Dim } from './graph/dims.js';
export {
  type OnnxActivationEmitter,
  type OnnxLossEmitter,
  registerOnnxActivation,
  registerOnnxLoss,
} from './graph/emitters.js';
export type { AttrValue, GraphBuilder } from './graph/graph-builder.js';
export type { TrainingGraphOptions } from './graph/training-graph-options.js';
export { IR_VERSION, OPSET } from './graph/versions.js';
export { MAX_THREADS } from './onnx-backend.js';
export { MAX_COMPILED_GRAPHS } from './session-cache.js';
