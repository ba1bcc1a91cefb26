import type { DType } from '@onegrad/core';
import type { Dim } from './dims.js';
import { elemType, valueInfo } from './elem-type.js';
import {
  type AttributeInit,
  type GraphInit,
  type NodeInit,
  onnx,
  type TensorInit,
  type ValueInfoInit,
} from './onnx.js';

/** Attribute values a node may carry: an int or a list of ints. */
export type AttrValue = number | readonly number[];

/** An attribute value inside the package, where a node may also carry a subgraph (Loop's body). @internal */
export type NodeAttrValue = AttrValue | GraphInit;

const INT = onnx.AttributeProto.AttributeType.INT;
const INTS = onnx.AttributeProto.AttributeType.INTS;
const GRAPH = onnx.AttributeProto.AttributeType.GRAPH;

function attribute(name: string, value: NodeAttrValue): AttributeInit {
  if (typeof value === 'number') return { name, type: INT, i: value };
  return Array.isArray(value)
    ? { name, type: INTS, ints: [...value] }
    : { name, type: GRAPH, g: value as GraphInit };
}

/**
 * Collects the nodes, initializers, inputs and outputs of one ONNX graph in a single element type.
 * Every `op` call appends a node and returns the name of its output, so graph code reads like the
 * math it emits: `g.op('Sub', [a, y], 'dZ2')`.
 */
export class GraphBuilder {
  /** The ONNX element type of every float tensor of the graph. */
  readonly type: number;
  private readonly nodes: NodeInit[] = [];
  private readonly initializers: TensorInit[] = [];
  private readonly inputs: ValueInfoInit[] = [];
  private readonly outputs: ValueInfoInit[] = [];
  private readonly constants = new Map<string, string>();
  private count = 0;

  /** `prefix` starts the fresh value names, so a subgraph's names never shadow its outer graph's. */
  constructor(
    readonly dtype: DType,
    private readonly prefix = 't',
  ) {
    this.type = elemType(dtype);
  }

  /** Appends a node `opType(inputs)`; returns its output, named `out` or a fresh `<prefix><n>`. */
  op(opType: string, inputs: readonly string[], out?: string, attrs: Record<string, AttrValue> = {}): string {
    const name = out ?? `${this.prefix}${this.count}`;
    this.node(opType, inputs, [name], attrs);
    return name;
  }

  /** Appends a node with several named outputs (e.g. Loop). @internal */
  node(
    opType: string,
    inputs: readonly string[],
    outputs: readonly string[],
    attrs: Record<string, NodeAttrValue> = {},
  ): void {
    const attrList = Object.entries(attrs).map(([k, v]) => attribute(k, v));
    this.nodes.push({
      opType,
      input: [...inputs],
      output: [...outputs],
      name: `${opType}_${this.count}`,
      attribute: attrList,
    });
    this.count++;
  }

  /** Declares a graph input of the given element type (the graph's float type by default). */
  input(name: string, dims: readonly Dim[], type = this.type): string {
    this.inputs.push(valueInfo(name, type, dims));
    return name;
  }

  /** Declares `name` a graph output of the given element type (the graph's float type by default). */
  output(name: string, dims: readonly Dim[], type = this.type): void {
    this.outputs.push(valueInfo(name, type, dims));
  }

  /** Adds a float initializer `name` holding `data` (row-major, `dims`), stored bit for bit. */
  initializer(name: string, data: Float32Array | Float64Array, dims: readonly number[]): string {
    const raw = new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
    this.initializers.push({ name, dataType: this.type, dims: [...dims], rawData: raw });
    return name;
  }

  /** A scalar float constant, created once per value. */
  scalar(value: number, name: string): string {
    const existing = this.constants.get(name);
    if (existing !== undefined) return existing;
    const data = this.dtype === 'float32' ? Float32Array.of(value) : Float64Array.of(value);
    this.constants.set(name, this.initializer(name, data, []));
    return name;
  }

  /** An int64 constant (axes, indices), a scalar when `dims` is empty. */
  int64(name: string, values: readonly number[], dims: readonly number[]): string {
    if (this.constants.has(name)) return name;
    this.constants.set(name, name);
    this.initializers.push({
      name,
      dataType: onnx.TensorProto.DataType.INT64,
      dims: [...dims],
      int64Data: [...values],
    });
    return name;
  }

  /** The finished GraphProto fields. @internal */
  graph(name: string, docString: string): GraphInit {
    return {
      name,
      docString,
      node: this.nodes,
      initializer: this.initializers,
      input: this.inputs,
      output: this.outputs,
    };
  }
}
