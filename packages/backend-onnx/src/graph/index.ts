export { buildInferenceModel } from './inference-graph.js';
export { encodeModel } from './model.js';
export { bias, NAMES, nextBias, nextWeight, traced, weight } from './names.js';
export { IR_VERSION, OPSET } from './onnx.js';
export { buildTrainingModel, type TrainingGraphOptions } from './training-graph.js';
