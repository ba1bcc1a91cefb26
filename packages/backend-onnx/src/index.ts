export { exportOnnx, trainingGraph } from './export-onnx.js';
export {
  type AttrValue,
  type GraphBuilder,
  IR_VERSION,
  type OnnxActivationEmitter,
  type OnnxLossEmitter,
  OPSET,
  registerOnnxActivation,
  registerOnnxLoss,
  type TrainingGraphOptions,
} from './graph/index.js';
export { createOnnxBackend, type OnnxBackendOptions, saveTrainingGraph } from './node.js';
