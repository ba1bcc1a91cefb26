import {
  type ActivationName,
  activationsOf,
  fusesOutput,
  type LossName,
  type NetworkSpec,
  SpecError,
} from '@onegrad/core';
import { identity } from './activations/identity.js';
import { relu } from './activations/relu.js';
import { sigmoid } from './activations/sigmoid.js';
import { softmax } from './activations/softmax.js';
import { tanh } from './activations/tanh.js';
import type { GraphBuilder } from './graph-builder.js';
import { bce } from './losses/bce.js';
import { cce } from './losses/cce.js';
import { mse } from './losses/mse.js';

/** One activation as ONNX nodes, registered by its core descriptor's name. */
export interface OnnxActivationEmitter {
  /** The activation's name in core's registry. */
  readonly name: ActivationName;
  /** Emits A = f(Z) as the value `out`; returns `out`. */
  forward(g: GraphBuilder, z: string, out: string): string;
  /** Emits dZ = dA * f'(Z) (a row-wise Jacobian product for softmax) from Z and A as `out`; returns `out`. */
  backward(g: GraphBuilder, dA: string, z: string, a: string, out: string): string;
}

/** One loss as ONNX nodes, registered by its core descriptor's name. */
export interface OnnxLossEmitter {
  /** The loss's name in core's registry. */
  readonly name: LossName;
  /** The loss terms (batch x nL per element, or batch x 1 per row) whose total divided by m is J. */
  costTerms(g: GraphBuilder, z: string, a: string, y: string): string;
  /** Emits the unfused dA = dl/dA per sample (no 1/m), as `out` when given. */
  gradA(g: GraphBuilder, a: string, y: string, out?: string): string;
  /** Emits the fused output dZ of the loss's canonical pair as `out`; required when the loss has one. */
  fusedGradZ?(g: GraphBuilder, a: string, y: string, out: string): string;
}

/** The emitters of one network: an activation per layer, layer 1 first, and the loss. */
export interface NetworkEmitters {
  readonly activations: readonly OnnxActivationEmitter[];
  readonly loss: OnnxLossEmitter;
  /** True when the output dZ is the loss's fused form (a canonical pair). */
  readonly fused: boolean;
}

// Built in as table entries, not registered by an imported module: bundlers drop side-effect imports.
const activations = new Map<string, OnnxActivationEmitter>(
  [sigmoid, tanh, relu, identity, softmax].map((e) => [e.name, e]),
);
const losses = new Map<string, OnnxLossEmitter>([bce, mse, cce].map((e) => [e.name, e]));

function register<E extends { readonly name: string }>(kind: string, table: Map<string, E>, e: E): void {
  const known = table.get(e.name);
  if (known !== undefined && known !== e)
    throw new SpecError('emitter.name', `backend-onnx already has an emitter for ${kind} '${e.name}'`);
  table.set(e.name, e);
}

/** Registers the ONNX graph emitter of an activation (once per name; the same object again is harmless). */
export function registerOnnxActivation(emitter: OnnxActivationEmitter): void {
  register('activation', activations, emitter);
}

/** Registers the ONNX graph emitter of a loss (once per name). */
export function registerOnnxLoss(emitter: OnnxLossEmitter): void {
  register('loss', losses, emitter);
}

/** The activation emitters of a validated spec, layer 1 first; SpecError naming `spec.activations[l]` when one is missing. */
export function activationEmittersOf(spec: NetworkSpec): OnnxActivationEmitter[] {
  return activationsOf(spec).map((name, l) => {
    const emitter = activations.get(name);
    if (emitter === undefined) {
      throw new SpecError(
        `spec.activations[${l}]`,
        `backend 'onnx' has no graph emitter for activation '${name}'; add one with registerOnnxActivation`,
      );
    }
    return emitter;
  });
}

/** The emitters of a validated spec; SpecError naming `spec.activations[l]` or `spec.loss` when one is missing. */
export function emittersOf(spec: NetworkSpec): NetworkEmitters {
  const layers = activationEmittersOf(spec);
  const loss = losses.get(spec.loss);
  if (loss === undefined) {
    throw new SpecError(
      'spec.loss',
      `backend 'onnx' has no graph emitter for loss '${spec.loss}'; add one with registerOnnxLoss`,
    );
  }
  const fused = fusesOutput(spec);
  if (fused && loss.fusedGradZ === undefined) {
    throw new SpecError(
      'spec.loss',
      `backend 'onnx' emitter for loss '${spec.loss}' lacks the fused dZ of its canonical pair`,
    );
  }
  return { activations: layers, loss, fused };
}
