// `@onegrad/backend-tfjs/kernels`: register a tfjs kernel for an activation or loss core knows.
export {
  registerTfjsActivation,
  registerTfjsLoss,
  type TfjsActivationKernel,
  type TfjsKernelContext,
  type TfjsLossKernel,
} from './kernels.js';
export type { Tf } from './load-tfjs.js';
