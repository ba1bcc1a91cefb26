// What both entries (Node and web) export besides their backend: the graph, its export and its registries.
export { exportOnnx, trainingGraph } from './export-onnx.js';
export {
  type AttrValue,
  type GraphBuilder,
  IR_VERSION,
  MAX_ONNX_LAYERS,
  type OnnxActivationEmitter,
  type OnnxLossEmitter,
  OPSET,
  registerOnnxActivation,
  registerOnnxLoss,
  type TrainingGraphOptions,
} from './graph/index.js';
export { MAX_COMPILED_GRAPHS } from './session-cache.js';
export { MAX_THREADS } from './threads-option.js';
