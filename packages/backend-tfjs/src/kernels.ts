import {
  type ActivationName,
  activationsOf,
  fusesOutput,
  type LossName,
  lossOf,
  type NetworkSpec,
  SpecError,
} from '@onegrad/core';
import type { Tensor } from '@tensorflow/tfjs';
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
export interface NetworkKernels {
  /** The activation kernel of every layer, layer 1 first. */
  readonly activations: readonly TfjsActivationKernel[];
  /** The loss kernel. */
  readonly loss: TfjsLossKernel;
  /** True when the output dZ is the loss's fused form (a canonical pair), never computed from dA. */
  readonly fused: boolean;
}

// Built in as table entries, not registered by an imported module: bundlers drop side-effect imports.
const activations = new Map<string, TfjsActivationKernel>(
  [sigmoid, tanh, relu, identity, softmax].map((k) => [k.name, k]),
);
const losses = new Map<string, TfjsLossKernel>([bce, mse, cce].map((k) => [k.name, k]));

/** Adds `kernel` to `table` under its name; a different kernel under a taken name is refused. */
function register<K extends { readonly name: string }>(kind: string, table: Map<string, K>, kernel: K): void {
  if (typeof kernel?.name !== 'string') {
    throw new SpecError('kernel.name', `expected the ${kind}'s name, got ${JSON.stringify(kernel?.name)}`);
  }
  const known = table.get(kernel.name);
  if (known !== undefined && known !== kernel) {
    throw new SpecError('kernel.name', `backend-tfjs already has a kernel for ${kind} '${kernel.name}'`);
  }
  table.set(kernel.name, kernel);
}

/** Registers the tfjs kernel of an activation (once per name; registering the same object again is harmless). */
export function registerTfjsActivation(kernel: TfjsActivationKernel): void {
  register('activation', activations, kernel);
}

/** Registers the tfjs kernel of a loss (once per name; registering the same object again is harmless). */
export function registerTfjsLoss(kernel: TfjsLossKernel): void {
  register('loss', losses, kernel);
}

/** The kernels of a validated spec on `tfBackend`; SpecError naming the spec's entry when one is missing. */
export function kernelsOf(spec: NetworkSpec, tfBackend: TfjsBackendName): NetworkKernels {
  const backend = `backend 'tfjs-${tfBackend}'`;
  const layers = activationsOf(spec).map((name, l) => {
    const kernel = activations.get(name);
    if (kernel === undefined) {
      throw new SpecError(
        `spec.activations[${l}]`,
        `${backend} has no kernel for activation '${name}'; add one with registerTfjsActivation`,
      );
    }
    return kernel;
  });
  const loss = losses.get(spec.loss);
  if (loss === undefined) {
    throw new SpecError(
      'spec.loss',
      `${backend} has no kernel for loss '${spec.loss}'; add one with registerTfjsLoss`,
    );
  }
  if (lossOf(spec).canonical !== undefined && loss.fusedGradZ === undefined) {
    throw new SpecError(
      'spec.loss',
      `${backend}'s kernel for loss '${spec.loss}' lacks the fused dZ of its canonical pair`,
    );
  }
  return { activations: layers, loss, fused: fusesOutput(spec) };
}
