export { exportOnnx, trainingGraph } from './export-onnx.js';
export { IR_VERSION, OPSET, type TrainingGraphOptions } from './graph/index.js';
export { createOnnxBackend, type OnnxBackendOptions, saveTrainingGraph } from './node.js';
