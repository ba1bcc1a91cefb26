import type { ActivationName, LossDescriptor, LossName } from './descriptors.js';
import { type DType, isDType } from './dtype.js';
import { SpecError } from './errors.js';
import { activationNames, findActivation, findLoss, lossNames } from './registry.js';

export type { ActivationName, LossName } from './descriptors.js';

/** The losses onegrad ships that follow a sigmoid output (the default network), in a stable order. */
export const LOSSES: readonly LossName[] = ['bce', 'mse'];

/** Every loss onegrad ships, in a stable order. */
export const ALL_LOSSES: readonly LossName[] = ['bce', 'mse', 'cce'];

/** Every activation onegrad ships, in a stable order. */
export const ACTIVATIONS: readonly ActivationName[] = ['sigmoid', 'tanh', 'relu', 'identity', 'softmax'];

/**
 * The widest layer a spec may have (2^20 units): checked before anything is allocated, so a width
 * such as 2^31 is refused with SpecError instead of starting to fill gigabytes.
 */
export const MAX_WIDTH = 2 ** 20;

/**
 * The most parameters (elements of every W_l and b_l together) a spec may have: 2^28, which is 1 GiB
 * in float32 and 2 GiB in float64, below what a typed array, a wasm heap or a runtime tensor can hold.
 */
export const MAX_PARAMETERS = 2 ** 28;

/** The most layers (L, dense layer + activation each) a spec may have. */
export const MAX_LAYERS = 1000;

/** Number of parameters of a network of `sizes`: the elements of every W_l and b_l. */
export function parameterCount(sizes: readonly number[]): number {
  let count = 0;
  for (let l = 1; l < sizes.length; l++) count += ((sizes[l - 1] as number) + 1) * (sizes[l] as number);
  return count;
}

/**
 * A multi-layer perceptron: `sizes = [n0, n1, ..., nL]`, every layer dense + its activation (sigmoid
 * unless `activations` says otherwise); layer l has `W_l` (n_{l-1} x n_l) and `b_l` (1 x n_l).
 */
export interface NetworkSpec {
  /** Widths from input to output; at least two entries, each an integer >= 1. */
  readonly sizes: readonly number[];
  /** The loss on the output layer. */
  readonly loss: LossName;
  /** The dtype every tensor of the network is stored and computed in. */
  readonly dtype: DType;
  /** One activation per layer, layer 1 first; sigmoid on every layer when absent. */
  readonly activations?: readonly ActivationName[];
}

/** Number of dense layers (L) of a spec. */
export function layerCount(spec: NetworkSpec): number {
  return spec.sizes.length - 1;
}

/** The activation of every layer, layer 1 first (sigmoid everywhere when the spec names none). */
export function activationsOf(spec: NetworkSpec): readonly ActivationName[] {
  return spec.activations ?? Array.from({ length: layerCount(spec) }, () => 'sigmoid');
}

/** The activation of the output layer. */
export function outputActivation(spec: NetworkSpec): ActivationName {
  return activationsOf(spec)[layerCount(spec) - 1] as ActivationName;
}

/** The descriptor of the spec's loss; throws SpecError when it is not registered. */
export function lossOf(spec: Pick<NetworkSpec, 'loss'>): LossDescriptor {
  const d = findLoss(spec.loss);
  if (d === undefined) {
    const known = lossNames().map((n) => `'${n}'`);
    throw new SpecError(
      'spec.loss',
      `unknown loss ${JSON.stringify(spec.loss)}; expected one of ${known.join(', ')}`,
    );
  }
  return d;
}

/** Throws {@link SpecError} unless `spec` is a well-formed network spec; returns a frozen copy. */
export function validateSpec(spec: unknown): NetworkSpec {
  if (typeof spec !== 'object' || spec === null)
    throw new SpecError('spec', `expected an object, got ${spec}`);
  const { sizes: rawSizes, loss, dtype, activations: rawActivations } = spec as Record<string, unknown>;
  if (!Array.isArray(rawSizes) || rawSizes.length < 2) {
    throw new SpecError(
      'spec.sizes',
      `expected at least two layer sizes [n0, ..., nL], got ${JSON.stringify(rawSizes)}`,
    );
  }
  if (rawSizes.length > MAX_LAYERS + 1) {
    throw new SpecError(
      'spec.sizes',
      `${rawSizes.length - 1} layers is more than the limit of ${MAX_LAYERS} (MAX_LAYERS)`,
    );
  }
  const sizes: number[] = [];
  // A plain loop, not forEach: a sparse sizes array must be refused at its hole.
  for (let i = 0; i < rawSizes.length; i++) {
    const n: unknown = rawSizes[i];
    if (!Number.isSafeInteger(n) || (n as number) < 1) {
      throw new SpecError(`spec.sizes[${i}]`, `expected an integer >= 1, got ${JSON.stringify(n)}`);
    }
    if ((n as number) > MAX_WIDTH) {
      throw new SpecError(`spec.sizes[${i}]`, `${n} is wider than the limit of ${MAX_WIDTH} (MAX_WIDTH)`);
    }
    sizes.push(n as number);
  }
  const count = parameterCount(sizes);
  if (count > MAX_PARAMETERS) {
    throw new SpecError(
      'spec.sizes',
      `[${sizes.join(', ')}] has ${count} parameters, more than the limit of ${MAX_PARAMETERS} (MAX_PARAMETERS)`,
    );
  }
  const lossDescriptor = lossOf({ loss: loss as LossName });
  if (!isDType(dtype)) {
    throw new SpecError(
      'spec.dtype',
      `unknown dtype ${JSON.stringify(dtype)}; expected 'float32' or 'float64'`,
    );
  }
  const L = sizes.length - 1;
  const activations = rawActivations === undefined ? undefined : checkActivations(rawActivations, sizes);
  const output = activations?.[L - 1] ?? 'sigmoid';
  const follows = lossDescriptor.follows;
  if (follows !== undefined && !follows.includes(output)) {
    throw new SpecError(
      activations === undefined ? 'spec.loss' : `spec.activations[${L - 1}]`,
      `loss '${lossDescriptor.name}' follows ${follows.map((a) => `a ${a}`).join(' or ')} output, got ${output} on layer ${L}`,
    );
  }
  const frozen = { sizes: Object.freeze(sizes), loss: lossDescriptor.name, dtype };
  return Object.freeze(
    activations === undefined ? frozen : { ...frozen, activations: Object.freeze(activations) },
  );
}

/** One registered activation per layer; row-wise ones only on the output layer, wide enough. */
function checkActivations(raw: unknown, sizes: readonly number[]): string[] {
  const L = sizes.length - 1;
  if (!Array.isArray(raw) || raw.length !== L) {
    throw new SpecError(
      'spec.activations',
      `expected ${L} activation names, one per layer, got ${JSON.stringify(raw)}`,
    );
  }
  const names: unknown[] = [...raw];
  return names.map((name, l) => {
    const d = typeof name === 'string' ? findActivation(name) : undefined;
    const at = `spec.activations[${l}]`;
    if (d === undefined) {
      const known = activationNames().map((n) => `'${n}'`);
      throw new SpecError(
        at,
        `unknown activation ${JSON.stringify(name)}; expected one of ${known.join(', ')}`,
      );
    }
    if (d.rowwise && l !== L - 1) {
      throw new SpecError(
        at,
        `${d.name} normalises each row and may stand only on the output layer, not layer ${l + 1}`,
      );
    }
    if ((sizes[l + 1] as number) < d.minUnits) {
      throw new SpecError(
        at,
        `${d.name} needs at least ${d.minUnits} units, layer ${l + 1} has ${sizes[l + 1]}`,
      );
    }
    return d.name;
  });
}

/**
 * True when the loss and the output activation form a canonical pair, whose local derivatives cancel
 * so that the output dZ is computed fused (sigmoid + bce and softmax + cce: dZ = A - Y; identity +
 * mse: dZ = 2 (A - Y)), never through the unfused dA.
 */
export function fusesOutput(spec: NetworkSpec): boolean {
  return lossOf(spec).canonical?.activation === outputActivation(spec);
}
