export type { Backend, BackendFactory, BackendInfo } from './backend.js';
export { createBackend } from './backend-impl.js';
export { type FormatOptions, formatMatrix, toColumnLayout, transpose } from './column-layout.js';
export type {
  ActivationDescriptor,
  ActivationName,
  LossDescriptor,
  LossName,
} from './descriptors.js';
export {
  allocate,
  DTYPES,
  type DType,
  dtypeOf,
  type FloatArray,
  firstNonFinite,
  firstNonFiniteIn,
  isDType,
  MIN_NORMAL,
  UNIT_ROUNDOFF,
} from './dtype.js';
export type { BackendEngine, EngineStep, EngineTrain, LayerValues, SessionEngine } from './engine.js';
export {
  BackendInitError,
  BackendOptionError,
  CapacityError,
  DisposedError,
  type DivergenceDetails,
  DivergenceError,
  EmptyBatchError,
  EngineError,
  FitOptionsError,
  LearningRateError,
  NonFiniteError,
  OnegradError,
  OptionError,
  ParamsFileError,
  ShapeError,
  SpecError,
  StepCountError,
  TargetRangeError,
  UnsupportedDTypeError,
} from './errors.js';
export { assertFiniteForward, assertFiniteStep } from './finite-step.js';
export { fit } from './fit.js';
export type { FitEpoch, FitHistory, FitOptions, FitStep } from './fit-options.js';
export { initParams, seededRandom } from './init.js';
export { KernelRegistry, type KernelRegistryNames, type ResolvedKernels } from './kernel-registry.js';
export type { Layer, LayerForward, LayerGradients } from './layer.js';
export type { Loss } from './loss.js';
export { chanceCost, DIVERGENCE_FACTOR, LossWatch } from './loss-watch.js';
export {
  at,
  bitEqual,
  cast,
  cloneMatrix,
  fromRows,
  type Matrix,
  matrix,
  shapeOf,
  toRows,
  zeros,
} from './matrix.js';
export type { MaybePromise } from './maybe-async.js';
export {
  ACTIVATIONS,
  ALL_LOSSES,
  activationsOf,
  fusesOutput,
  LOSSES,
  layerCount,
  lossOf,
  MAX_LAYERS,
  MAX_PARAMETERS,
  MAX_WIDTH,
  type NetworkSpec,
  outputActivation,
  parameterCount,
  validateSpec,
} from './network-spec.js';
export { cloneParams, type LayerParams, type Params, paramsBitEqual, validateParams } from './params.js';
export {
  decodeParamsFile,
  encodeParamsFile,
  PARAMS_FILE_FORMAT,
  PARAMS_FILE_VERSION,
  type ParamsFile,
  type SavedMatrix,
} from './params-file.js';
export {
  LAYER_QUANTITIES,
  type LayerQuantity,
  PARAM_QUANTITIES,
  type ParamQuantity,
  QUANTITIES,
  type Quantity,
  quantityName,
  TRACE_KEYS,
} from './quantity.js';
export {
  activationNames,
  findActivation,
  findLoss,
  lossNames,
  registerActivation,
  registerLoss,
} from './registry.js';
export { firstAvailable } from './resolve-backend.js';
export { serialQueue } from './serial-queue.js';
export type {
  Batch,
  StepOptions,
  StepResult,
  TrainingSession,
  TrainOptions,
  TrainResult,
} from './session.js';
export { CoreSession } from './session-impl.js';
export { type ExpectedShape, snapshotMatrix } from './snapshot.js';
export { type LayerTrace, nonFiniteIndices, type StepTrace } from './trace.js';
export { trainBySteps } from './train-by-steps.js';
export { MAX_TRAIN_STEPS, snapshotTrainOptions } from './train-options.js';
export {
  assertDTypeSupported,
  snapshotBatch,
  snapshotInput,
  snapshotStepOptions,
  validateBatch,
  validateInput,
  validateStepOptions,
} from './validate-step.js';
