export * from './graph-api.js';
export { createOnnxBackend, type OnnxBackendOptions, saveTrainingGraph } from './node.js';
