import { type ActivationName, activationsOf, type NetworkSpec } from '@onegrad/core';
import type { GraphBuilder } from './graph-builder.js';
import { type ModelInit, onnx } from './onnx.js';
import { IR_VERSION, OPSET, PRODUCER } from './versions.js';

/**
 * The spec's activations, layer 1 first, when they differ from core's default for a spec that names
 * none; undefined when they do not, so an explicit default compiles to the same graph as an absent one.
 */
export function customActivations(spec: NetworkSpec): readonly ActivationName[] | undefined {
  const { activations: _, ...plain } = spec;
  const defaults = activationsOf(plain);
  const names = activationsOf(spec);
  return names.every((name, i) => name === defaults[i]) ? undefined : names;
}

/**
 * A short identifier of a spec for graph names and the session cache, e.g. `2_2_1_bce_float32` or
 * `2_3_1_tanh_sigmoid_bce_float32` (activation names never contain `_`).
 */
export function specTag(spec: NetworkSpec): string {
  return [...spec.sizes, ...(customActivations(spec) ?? []), spec.loss, spec.dtype].join('_');
}

/** The activations of a spec as text: one name when every layer has it, e.g. `sigmoid`, else the list. */
export function activationLabel(spec: NetworkSpec): string {
  const names = activationsOf(spec);
  return new Set(names).size === 1 ? (names[0] as string) : names.join(', ');
}

/** Wraps a finished graph into a ModelProto importing ai.onnx at {@link OPSET}. */
export function toModel(g: GraphBuilder, name: string, docString: string): ModelInit {
  return {
    irVersion: IR_VERSION,
    opsetImport: [{ domain: '', version: OPSET }],
    producerName: PRODUCER,
    docString,
    graph: g.graph(name, docString),
  };
}

/** The protobuf bytes of a model, as `InferenceSession.create` and viewers such as Netron read them. */
export function encodeModel(model: ModelInit): Uint8Array {
  // In Node the encoder returns a Buffer that may share a pooled ArrayBuffer; copy to own bytes.
  return new Uint8Array(onnx.ModelProto.encode(onnx.ModelProto.create(model)).finish());
}
