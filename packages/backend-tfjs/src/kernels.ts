import {
  type ActivationName,
  KernelRegistry,
  type LossName,
  type NetworkSpec,
  type ResolvedKernels,
} from '@onegrad/core';
import type { Tensor } from '@tensorflow/tfjs-core';
import { identity } from './activations/identity.js';
import { relu } from './activations/relu.js';
import { sigmoid } from './activations/sigmoid.js';
import { softmax } from './activations/softmax.js';
import { tanh } from './activations/tanh.js';
import type { Tf } from './load-tfjs.js';
import { bce } from './losses/bce.js';
import { cce } from './losses/cce.js';
import { mse } from './losses/mse.js';
import type { TfjsBackendName } from './options.js';

/** What a kernel computes with: the tfjs API, and the tfjs backend its ops run on (their accuracy differs). */
export interface TfjsKernelContext {
  /** The loaded @tensorflow/tfjs API. */
  readonly tf: Tf;
  /** The tfjs backend the ops run on. */
  readonly tfBackend: TfjsBackendName;
}

/**
 * One activation written with tfjs ops, registered by its core descriptor's name. Its methods run inside
 * `tf.tidy`: they may allocate a tensor per op, and return a new tensor or one they were given.
 */
export interface TfjsActivationKernel {
  /** The activation's name in core's registry. */
  readonly name: ActivationName;
  /** A = f(Z) (batch x units). */
  forward(on: TfjsKernelContext, z: Tensor): Tensor;
  /** dZ = dA * f'(Z) (a row-wise Jacobian product for softmax), from Z and A. */
  backward(on: TfjsKernelContext, dA: Tensor, z: Tensor, a: Tensor): Tensor;
}

/** One loss written with tfjs ops, registered by its core descriptor's name; its methods run inside `tf.tidy`. */
export interface TfjsLossKernel {
  /** The loss's name in core's registry. */
  readonly name: LossName;
  /** The loss terms whose sum, divided by the batch size m, is the cost J: one per element, or one per row. */
  terms(on: TfjsKernelContext, z: Tensor, a: Tensor, y: Tensor): Tensor;
  /** The unfused dA = dl/dA per sample (batch x outputs). */
  gradA(on: TfjsKernelContext, a: Tensor, y: Tensor): Tensor;
  /** The fused output dZ of the loss's canonical pair; required when the loss has one. */
  fusedGradZ?(on: TfjsKernelContext, a: Tensor, y: Tensor): Tensor;
}

/** The kernels of one network: an activation per layer, layer 1 first, the loss, and whether its output dZ is fused. */
export type NetworkKernels = ResolvedKernels<TfjsActivationKernel, TfjsLossKernel>;

const registry = new KernelRegistry<TfjsActivationKernel, TfjsLossKernel>(
  {
    package: 'backend-tfjs',
    noun: 'kernel',
    parameter: 'kernel.name',
    registerActivation: 'registerTfjsActivation',
    registerLoss: 'registerTfjsLoss',
  },
  [sigmoid, tanh, relu, identity, softmax],
  [bce, mse, cce],
);

/** Registers the tfjs kernel of an activation (once per name; registering the same object again is harmless). */
export function registerTfjsActivation(kernel: TfjsActivationKernel): void {
  registry.registerActivation(kernel);
}

/** Registers the tfjs kernel of a loss (once per name; registering the same object again is harmless). */
export function registerTfjsLoss(kernel: TfjsLossKernel): void {
  registry.registerLoss(kernel);
}

/** The kernels of a validated spec on `tfBackend`; SpecError naming the spec's entry when one is missing. */
export function kernelsOf(spec: NetworkSpec, tfBackend: TfjsBackendName): NetworkKernels {
  return registry.resolve(spec, `tfjs-${tfBackend}`);
}
