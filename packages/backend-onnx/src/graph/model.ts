import type { NetworkSpec } from '@onegrad/core';
import type { GraphBuilder } from './graph-builder.js';
import { IR_VERSION, type ModelInit, OPSET, onnx, PRODUCER } from './onnx.js';

/** A short identifier of a spec for graph names, e.g. `2_2_1_bce_float32`. */
export function specTag(spec: NetworkSpec): string {
  return `${spec.sizes.join('_')}_${spec.loss}_${spec.dtype}`;
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
