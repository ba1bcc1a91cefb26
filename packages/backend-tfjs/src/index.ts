export {
  registerTfjsActivation,
  registerTfjsLoss,
  type TfjsActivationKernel,
  type TfjsKernelContext,
  type TfjsLossKernel,
} from './kernels.js';
export type { Tf } from './load-tfjs.js';
export { TFJS_BACKENDS, type TfjsBackendName, type TfjsBackendOptions } from './options.js';
export { createTfjsBackend } from './tfjs-backend.js';
export { MAX_CALL_BYTES } from './wasm-capacity.js';
