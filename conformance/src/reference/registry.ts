import { identityReference } from './activations/identity.js';
import { reluReference } from './activations/relu.js';
import { sigmoidReference } from './activations/sigmoid.js';
import { softmaxReference } from './activations/softmax.js';
import { tanhReference } from './activations/tanh.js';
import type { ActivationReference, LossReference } from './kinds.js';
import { bceReference } from './losses/bce.js';
import { cceReference } from './losses/cce.js';
import { mseReference } from './losses/mse.js';

// Built in as table entries, not registered by an imported module: bundlers drop side-effect imports.
const activations = new Map<string, ActivationReference>(
  [sigmoidReference, tanhReference, reluReference, identityReference, softmaxReference].map((r) => [
    r.name,
    r,
  ]),
);
const losses = new Map<string, LossReference>(
  [bceReference, mseReference, cceReference].map((r) => [r.name, r]),
);

/** Registers the reference and error bound of an activation (once per name), for the suite and judgeStep. */
export function registerActivationReference(reference: ActivationReference): void {
  const known = activations.get(reference.name);
  if (known !== undefined && known !== reference)
    throw new Error(`an activation reference for '${reference.name}' is already registered`);
  activations.set(reference.name, reference);
}

/** Registers the reference and error bound of a loss (once per name). */
export function registerLossReference(reference: LossReference): void {
  const known = losses.get(reference.name);
  if (known !== undefined && known !== reference)
    throw new Error(`a loss reference for '${reference.name}' is already registered`);
  losses.set(reference.name, reference);
}

/** The reference of activation `name`; throws when none is registered. */
export function activationReference(name: string): ActivationReference {
  const r = activations.get(name);
  if (r === undefined)
    throw new Error(`no reference for activation '${name}': register one with registerActivationReference`);
  return r;
}

/** The reference of loss `name`; throws when none is registered. */
export function lossReference(name: string): LossReference {
  const r = losses.get(name);
  if (r === undefined)
    throw new Error(`no reference for loss '${name}': register one with registerLossReference`);
  return r;
}

/** Names of every activation with a registered reference, built-ins first. */
export function referencedActivations(): string[] {
  return [...activations.keys()];
}

/** Names of every loss with a registered reference, built-ins first. */
export function referencedLosses(): string[] {
  return [...losses.keys()];
}
