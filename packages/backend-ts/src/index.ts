export {
  registerTsActivation,
  registerTsLoss,
  type TsActivationKernel,
  type TsLossKernel,
} from './kernels.js';
export { createTsBackend } from './ts-backend.js';
