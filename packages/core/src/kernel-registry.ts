import type { ActivationName, LossName } from './descriptors.js';
import { SpecError } from './errors.js';
import { activationsOf, fusesOutput, lossOf, type NetworkSpec } from './network-spec.js';

/** How an engine's registry names itself and its entries in messages. */
export interface KernelRegistryNames {
  /** The package, e.g. `backend-ts`. */
  readonly package: string;
  /** What one entry is called: `kernel`, or `graph emitter` for a graph-building engine. */
  readonly noun: string;
  /** The parameter a refused registration names, e.g. `kernel.name`. */
  readonly parameter: string;
  /** The functions a user calls to add an entry, named in the hint of a missing one. */
  readonly registerActivation: string;
  readonly registerLoss: string;
}

/** The entries of one network on one engine: an activation per layer, layer 1 first, and the loss. */
export interface ResolvedKernels<A, L> {
  readonly activations: A[];
  readonly loss: L;
  /** True when the output dZ is the loss's fused form (see fusesOutput). */
  readonly fused: boolean;
}

/**
 * One engine's kernels (or graph emitters) for the activations and losses of core's registry, by
 * name: the built-ins as the table's initial entries (never registered by a side-effect import,
 * which bundlers drop), more added once per name, and the lookup for a spec, which refuses with a
 * SpecError naming `spec.activations[l]` or `spec.loss` what the engine cannot compute.
 */
export class KernelRegistry<
  A extends { readonly name: ActivationName },
  L extends { readonly name: LossName; readonly fusedGradZ?: unknown },
> {
  private readonly activations: Map<string, A>;
  private readonly losses: Map<string, L>;

  constructor(
    private readonly names: KernelRegistryNames,
    activations: readonly A[],
    losses: readonly L[],
  ) {
    this.activations = new Map(activations.map((k) => [k.name, k]));
    this.losses = new Map(losses.map((k) => [k.name, k]));
  }

  /** Adds the entry of an activation; the same object again is harmless, another under a taken name is refused. */
  registerActivation(kernel: A): void {
    this.add('activation', this.activations, kernel);
  }

  /** Adds the entry of a loss (once per name). */
  registerLoss(kernel: L): void {
    this.add('loss', this.losses, kernel);
  }

  /** The activation entry of every layer of a validated spec, layer 1 first; `engine` names the backend in messages. */
  activationsOf(spec: NetworkSpec, engine: string): A[] {
    return activationsOf(spec).map((name, l) =>
      this.find(this.activations, name, `spec.activations[${l}]`, engine),
    );
  }

  /**
   * Every entry a validated spec needs. A loss with a canonical pair must bring its fused dZ, whatever
   * the spec's output activation.
   */
  resolve(spec: NetworkSpec, engine: string): ResolvedKernels<A, L> {
    const activations = this.activationsOf(spec, engine);
    const loss = this.find(this.losses, spec.loss, 'spec.loss', engine);
    if (lossOf(spec).canonical !== undefined && loss.fusedGradZ === undefined) {
      throw new SpecError(
        'spec.loss',
        `backend '${engine}': the ${this.names.noun} for loss '${spec.loss}' lacks the fused dZ of its canonical pair`,
      );
    }
    return { activations, loss, fused: fusesOutput(spec) };
  }

  private add<K extends { readonly name: string }>(kind: string, table: Map<string, K>, kernel: K): void {
    const { parameter } = this.names;
    if (typeof kernel?.name !== 'string') {
      throw new SpecError(parameter, `expected the ${kind}'s name, got ${JSON.stringify(kernel?.name)}`);
    }
    const known = table.get(kernel.name);
    if (known !== undefined && known !== kernel) {
      throw new SpecError(
        parameter,
        `${this.names.package} already has a ${this.names.noun} for ${kind} '${kernel.name}'`,
      );
    }
    table.set(kernel.name, kernel);
  }

  private find<K>(table: Map<string, K>, name: string, parameter: string, engine: string): K {
    const kernel = table.get(name);
    if (kernel !== undefined) return kernel;
    const kind = parameter === 'spec.loss' ? 'loss' : 'activation';
    const hint = kind === 'loss' ? this.names.registerLoss : this.names.registerActivation;
    throw new SpecError(
      parameter,
      `backend '${engine}' has no ${this.names.noun} for ${kind} '${name}'; add one with ${hint}`,
    );
  }
}
