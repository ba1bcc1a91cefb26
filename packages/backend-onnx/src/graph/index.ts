export { assertCompilableDepth, MAX_ONNX_LAYERS } from './depth-limit.js';
export {
  emittersOf,
  type NetworkEmitters,
  type OnnxActivationEmitter,
  type OnnxLossEmitter,
  registerOnnxActivation,
  registerOnnxLoss,
} from './emitters.js';
export type { AttrValue, GraphBuilder } from './graph-builder.js';
export { buildInferenceModel } from './inference-graph.js';
export { encodeModel, specTag } from './model.js';
export { bias, NAMES, nextBias, nextWeight, traced, weight } from './names.js';
export {
  buildPackedStepModel,
  PACKED_EXTRA,
  PACKED_NAMES,
  type PackedSlot,
  packedLayout,
} from './packed-step-graph.js';
export {
  buildTrainRunModel,
  RUN_NAMES,
  startBias,
  startWeight,
  trainedBias,
  trainedWeight,
} from './train-run-graph.js';
export { buildTrainingModel } from './training-graph.js';
export type { TrainingGraphOptions } from './training-graph-options.js';
export { IR_VERSION, OPSET } from './versions.js';
