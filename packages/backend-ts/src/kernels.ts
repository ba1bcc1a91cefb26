import {
  type ActivationName,
  activationsOf,
  type LossName,
  lossOf,
  type Matrix,
  type NetworkSpec,
  SpecError,
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

// Built in as table entries, not registered by an imported module: bundlers drop side-effect imports.
const activations = new Map<string, TsActivationKernel>(
  [sigmoid, tanh, relu, identity, softmax].map((k) => [k.name, k]),
);
const losses = new Map<string, TsLossKernel>([bce, mse, cce].map((k) => [k.name, k]));

/** Registers the TypeScript kernel of an activation (once per name). */
export function registerTsActivation(kernel: TsActivationKernel): void {
  const known = activations.get(kernel.name);
  if (known !== undefined && known !== kernel)
    throw new SpecError('kernel.name', `backend-ts already has a kernel for activation '${kernel.name}'`);
  activations.set(kernel.name, kernel);
}

/** Registers the TypeScript kernel of a loss (once per name). */
export function registerTsLoss(kernel: TsLossKernel): void {
  const known = losses.get(kernel.name);
  if (known !== undefined && known !== kernel)
    throw new SpecError('kernel.name', `backend-ts already has a kernel for loss '${kernel.name}'`);
  losses.set(kernel.name, kernel);
}

/** The kernels of a validated spec: one activation per layer and the loss; SpecError when one is missing. */
export function kernelsOf(spec: NetworkSpec): { activations: TsActivationKernel[]; loss: TsLossKernel } {
  const layers = activationsOf(spec).map((name, l) => {
    const kernel = activations.get(name);
    if (kernel === undefined) {
      throw new SpecError(
        `spec.activations[${l}]`,
        `backend 'ts' has no kernel for activation '${name}'; add one with registerTsActivation`,
      );
    }
    return kernel;
  });
  const loss = losses.get(spec.loss);
  if (loss === undefined)
    throw new SpecError(
      'spec.loss',
      `backend 'ts' has no kernel for loss '${spec.loss}'; add one with registerTsLoss`,
    );
  if (lossOf(spec).canonical !== undefined && loss.fusedGradZ === undefined) {
    throw new SpecError(
      'spec.loss',
      `backend 'ts' kernel for loss '${spec.loss}' lacks the fused dZ of its canonical pair`,
    );
  }
  return { activations: layers, loss };
}
