import {
  type ActivationName,
  KernelRegistry,
  type LossName,
  type NetworkSpec,
  type ResolvedKernels,
} from '@onegrad/core';
import { identity } from './activations/identity.js';
import { relu } from './activations/relu.js';
import { sigmoid } from './activations/sigmoid.js';
import { softmax } from './activations/softmax.js';
import { tanh } from './activations/tanh.js';
import { assertCompilableDepth } from './depth-limit.js';
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
export type NetworkEmitters = ResolvedKernels<OnnxActivationEmitter, OnnxLossEmitter>;

const registry = new KernelRegistry<OnnxActivationEmitter, OnnxLossEmitter>(
  {
    package: 'backend-onnx',
    noun: 'graph emitter',
    parameter: 'emitter.name',
    registerActivation: 'registerOnnxActivation',
    registerLoss: 'registerOnnxLoss',
  },
  [sigmoid, tanh, relu, identity, softmax],
  [bce, mse, cce],
);

/** Registers the ONNX graph emitter of an activation (once per name; the same object again is harmless). */
export function registerOnnxActivation(emitter: OnnxActivationEmitter): void {
  registry.registerActivation(emitter);
}

/** Registers the ONNX graph emitter of a loss (once per name). */
export function registerOnnxLoss(emitter: OnnxLossEmitter): void {
  registry.registerLoss(emitter);
}

/** The activation emitters of a validated spec, layer 1 first; SpecError naming `spec.activations[l]` when one is missing. */
export function activationEmittersOf(spec: NetworkSpec): OnnxActivationEmitter[] {
  assertCompilableDepth(spec);
  return registry.activationsOf(spec, 'onnx');
}

/**
 * The emitters of a validated spec; SpecError naming `spec.activations[l]` or `spec.loss` when one is
 * missing, or `spec.sizes` when the spec is deeper than backend-onnx compiles.
 */
export function emittersOf(spec: NetworkSpec): NetworkEmitters {
  assertCompilableDepth(spec);
  return registry.resolve(spec, 'onnx');
}
