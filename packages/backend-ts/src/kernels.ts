import {
  type ActivationName,
  KernelRegistry,
  type LossName,
  type Matrix,
  type NetworkSpec,
  type ResolvedKernels,
} from '@onegrad/core';
import { identity } from './activations/identity.js';
import { relu } from './activations/relu.js';
import { sigmoid } from './activations/sigmoid.js';
import { softmax } from './activations/softmax.js';
import { tanh } from './activations/tanh.js';
import { bce } from './losses/bce.js';
import { cce } from './losses/cce.js';
import { mse } from './losses/mse.js';

/** One activation on typed-array matrices, registered by its core descriptor's name. */
export interface TsActivationKernel {
  /** The activation's name in core's registry. */
  readonly name: ActivationName;
  /** A = f(Z), into `a` (same shape). */
  forward(z: Matrix, a: Matrix): void;
  /** dZ = dA * f'(Z) (a row-wise Jacobian product for softmax), from Z and A, into `dZ`. */
  backward(dA: Matrix, z: Matrix, a: Matrix, dZ: Matrix): void;
}

/** One loss on typed-array matrices, registered by its core descriptor's name. */
export interface TsLossKernel {
  /** The loss's name in core's registry. */
  readonly name: LossName;
  /** The sum over every sample and output of the per-element loss (not yet divided by m). */
  total(z: Matrix, a: Matrix, y: Matrix): number;
  /** The unfused dA = dl/dA per sample, into `dA`. */
  gradA(a: Matrix, y: Matrix, dA: Matrix): void;
  /** The fused output dZ of the loss's canonical pair, into `dZ`; required when the loss has one. */
  fusedGradZ?(a: Matrix, y: Matrix, dZ: Matrix): void;
}

const registry = new KernelRegistry<TsActivationKernel, TsLossKernel>(
  {
    package: 'backend-ts',
    noun: 'kernel',
    parameter: 'kernel.name',
    registerActivation: 'registerTsActivation',
    registerLoss: 'registerTsLoss',
  },
  [sigmoid, tanh, relu, identity, softmax],
  [bce, mse, cce],
);

/** Registers the TypeScript kernel of an activation (once per name). */
export function registerTsActivation(kernel: TsActivationKernel): void {
  registry.registerActivation(kernel);
}

/** Registers the TypeScript kernel of a loss (once per name). */
export function registerTsLoss(kernel: TsLossKernel): void {
  registry.registerLoss(kernel);
}

/** The kernels of a validated spec: one activation per layer and the loss; SpecError when one is missing. */
export function kernelsOf(spec: NetworkSpec): ResolvedKernels<TsActivationKernel, TsLossKernel> {
  return registry.resolve(spec, 'ts');
}
