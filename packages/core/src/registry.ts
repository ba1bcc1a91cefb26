import { identity } from './activations/identity.js';
import { relu } from './activations/relu.js';
import { sigmoid } from './activations/sigmoid.js';
import { softmax } from './activations/softmax.js';
import { tanh } from './activations/tanh.js';
import type { ActivationDescriptor, LossDescriptor } from './descriptors.js';
import { SpecError } from './errors.js';
import { bce } from './losses/bce.js';
import { cce } from './losses/cce.js';
import { mse } from './losses/mse.js';

const activations = new Map<string, ActivationDescriptor>(
  [sigmoid, tanh, relu, identity, softmax].map((d) => [d.name, d]),
);
const losses = new Map<string, LossDescriptor>([bce, mse, cce].map((d) => [d.name, d]));

function register<D extends { readonly name: string }>(kind: string, table: Map<string, D>, d: D): void {
  if (typeof d?.name !== 'string' || !/^[a-z][a-z0-9-]*$/.test(d.name)) {
    throw new SpecError(`${kind}.name`, `expected a lower-case name, got ${JSON.stringify(d?.name)}`);
  }
  const known = table.get(d.name);
  if (known !== undefined && known !== d) {
    throw new SpecError(`${kind}.name`, `${kind} '${d.name}' is already registered`);
  }
  table.set(d.name, d);
}

/** Adds an activation to every spec's vocabulary (once per name; registering the same object again is harmless). */
export function registerActivation(descriptor: ActivationDescriptor): void {
  register('activation', activations, descriptor);
}

/** Adds a loss to every spec's vocabulary (once per name). */
export function registerLoss(descriptor: LossDescriptor): void {
  register('loss', losses, descriptor);
}

/** The registered activation `name`, or undefined. */
export function findActivation(name: string): ActivationDescriptor | undefined {
  return activations.get(name);
}

/** The registered loss `name`, or undefined. */
export function findLoss(name: string): LossDescriptor | undefined {
  return losses.get(name);
}

/** Names of every registered activation, built-ins first. */
export function activationNames(): string[] {
  return [...activations.keys()];
}

/** Names of every registered loss, built-ins first. */
export function lossNames(): string[] {
  return [...losses.keys()];
}
