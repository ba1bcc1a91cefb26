import { activationsOf, DTYPES, fusesOutput, LOSSES } from '@onegrad/core';
import { describe, expect, it } from 'vitest';
import { caseSpec, HIDDEN, OUTPUT_PAIRS } from '../test/activation-cases.js';
import { elemType } from './elem-type.js';
import { buildInferenceModel } from './inference-graph.js';
import { encodeModel } from './model.js';
import { onnx } from './onnx.js';
import { buildTrainingModel } from './training-graph.js';
import { IR_VERSION, OPSET } from './versions.js';

// Every operator the builder may emit; each has float and double CPU kernels in ONNX Runtime.
const ALLOWED = new Set([
  'MatMul',
  'Add',
  'Sub',
  'Mul',
  'Div',
  'Gemm',
  'ReduceSum',
  'Sum',
  'ReduceMax',
  'Relu',
  'Abs',
]);
for (const op of [
  'Neg',
  'Exp',
  'Log',
  'Equal',
  'Less',
  'Greater',
  'Where',
  'Shape',
  'Gather',
  'Cast',
  'Identity',
])
  ALLOWED.add(op);

/** Decodes the bytes and checks the graph is closed and topologically ordered; returns it. */
function decodeChecked(bytes: Uint8Array): onnx.ModelProto {
  const model = onnx.ModelProto.decode(bytes);
  const graph = model.graph as onnx.GraphProto;
  const defined = new Set<string>([...graph.input, ...graph.initializer].map((v) => v.name as string));
  for (const node of graph.node) {
    expect(ALLOWED.has(node.opType), node.opType).toBe(true);
    for (const input of node.input) expect(defined.has(input), `${node.opType} reads ${input}`).toBe(true);
    for (const output of node.output) {
      expect(defined.has(output), `${output} defined twice`).toBe(false);
      defined.add(output);
    }
  }
  for (const output of graph.output) expect(defined.has(output.name), output.name).toBe(true);
  return model;
}

const dimsOf = (v: onnx.IValueInfoProto): (string | number)[] =>
  (v.type?.tensorType?.shape?.dim ?? []).map((d) => d.dimParam || Number(d.dimValue));

describe.each(DTYPES)('training graph (%s)', (dtype) => {
  it.each(LOSSES)('%s: standard ops, explicit opset, symbolic batch, closed and ordered', (loss) => {
    const spec = { sizes: [3, 4, 2, 1], loss, dtype } as const;
    const model = decodeChecked(encodeModel(buildTrainingModel(spec)));
    expect(Number(model.irVersion)).toBe(IR_VERSION);
    expect(model.opsetImport.map((o) => [o.domain, Number(o.version)])).toEqual([['', OPSET]]);
    const graph = model.graph as onnx.GraphProto;
    const inputs = Object.fromEntries(graph.input.map((v) => [v.name, dimsOf(v)]));
    expect(inputs).toEqual({
      X: ['batch', 3],
      Y: ['batch', 1],
      lr: [],
      W1: [3, 4],
      b1: [1, 4],
      W2: [4, 2],
      b2: [1, 2],
      W3: [2, 1],
      b3: [1, 1],
    });
    expect(graph.output.map((v) => v.name)).toEqual([
      'loss',
      'all_finite',
      'W1_next',
      'b1_next',
      'W2_next',
      'b2_next',
      'W3_next',
      'b3_next',
    ]);
    for (const v of graph.input) expect(v.type?.tensorType?.elemType).toBe(elemType(dtype));
    // Without a trace, bce never forms the unfused (a - y) / (a (1 - a)).
    expect(graph.node.some((n) => n.output.includes('dA3'))).toBe(loss === 'mse');
  });

  it('with trace, outputs Z, A, dA, dZ, dW, db of every layer', () => {
    const model = decodeChecked(
      encodeModel(buildTrainingModel({ sizes: [2, 2, 1], loss: 'bce', dtype }, { trace: true })),
    );
    const names = (model.graph as onnx.GraphProto).output.map((v) => v.name);
    for (const l of [1, 2])
      for (const k of ['Z', 'A', 'dA', 'dZ', 'dW', 'db']) expect(names).toContain(`${k}${l}`);
  });

  const cases = HIDDEN.flatMap((hidden) =>
    OUTPUT_PAIRS.map(([output, loss]) => caseSpec(hidden, output, loss, dtype)),
  );
  it.each(cases.map((spec) => [activationsOf(spec).join(' '), spec.loss, spec] as const))(
    'activations %s + %s: standard ops, closed and ordered, dA3 only when unfused or traced',
    (_activations, _loss, spec) => {
      const step = decodeChecked(encodeModel(buildTrainingModel(spec))).graph as onnx.GraphProto;
      expect(step.node.some((n) => n.output.includes('dA3'))).toBe(!fusesOutput(spec));
      const traced = decodeChecked(encodeModel(buildTrainingModel(spec, { trace: true })))
        .graph as onnx.GraphProto;
      for (const k of ['Z', 'A', 'dA', 'dZ', 'dW', 'db'])
        expect(traced.output.map((v) => v.name)).toContain(`${k}3`);
      const forward = decodeChecked(encodeModel(buildInferenceModel(spec))).graph as onnx.GraphProto;
      expect(forward.output.map((v) => [v.name, dimsOf(v)])).toEqual([['probabilities', ['batch', 3]]]);
    },
  );

  it('names every activation case differently, so none shares a compiled graph', () => {
    const names = cases.map((spec) => buildTrainingModel(spec).graph?.name);
    expect(new Set(names).size).toBe(cases.length);
  });

  it('inference graph: X -> probabilities, parameters as inputs or initializers', () => {
    const spec = { sizes: [2, 2, 1], loss: 'bce', dtype } as const;
    const open = decodeChecked(encodeModel(buildInferenceModel(spec))).graph as onnx.GraphProto;
    expect(open.input.map((v) => v.name)).toEqual(['X', 'W1', 'b1', 'W2', 'b2']);
    expect(open.output.map((v) => [v.name, dimsOf(v)])).toEqual([['probabilities', ['batch', 1]]]);
  });
});
