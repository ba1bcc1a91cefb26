import onnxProto from 'onnx-proto';
const { onnx } = onnxProto;
const rt = process.argv[2] === 'web' ? await import('onnxruntime-web') : await import('onnxruntime-node');
if (process.argv[2] === 'web') { rt.env.wasm.numThreads = 1; }
console.log(rt.env.versions);
const T = { float32: 1, float64: 11 };
const vi = (name, et, dims) => ({ name, type: { tensorType: { elemType: et, shape: { dim: dims.map(d => typeof d === 'string' ? { dimParam: d } : { dimValue: d }) } } } });
async function probe(op, nIn, dt, attrs = [], extraInputs = []) {
  const et = T[dt];
  const inputs = Array.from({ length: nIn }, (_, i) => vi('i' + i, et, [2, 2]));
  const model = onnx.ModelProto.create({ irVersion: 8, opsetImport: [{ domain: '', version: 17 }], producerName: 'probe',
    graph: { name: 'g', node: [{ opType: op, input: [...inputs.map(v => v.name), ...extraInputs.map(e=>e.name)], output: ['o'], attribute: attrs }],
      initializer: extraInputs.map(e => e.init), input: inputs, output: [{ name: 'o' }] } });
  const bytes = onnx.ModelProto.encode(model).finish();
  try {
    const s = await rt.InferenceSession.create(bytes);
    const Arr = dt === 'float32' ? Float32Array : Float64Array;
    const feeds = {}; for (const v of inputs) feeds[v.name] = new rt.Tensor(dt, Arr.of(0.5, -1, 2, 1e-20), [2, 2]);
    const r = await s.run(feeds);
    return [...r.o.data].map(v => Number(v).toPrecision(17)).join(',');
  } catch (e) { return 'FAIL ' + e.message.slice(0, 120); }
}
const axes = { name: 'ax', init: { name: 'ax', dataType: 7, dims: [1], int64Data: [0] } };
for (const dt of ['float32', 'float64']) {
  for (const [op, n, attrs, extra] of [['MatMul', 2], ['Gemm', 2, [{ name: 'transA', type: 2, i: 1 }]], ['Sigmoid', 1], ['Add', 2], ['Sub', 2], ['Mul', 2], ['Div', 2], ['Exp', 1], ['Log', 1], ['Abs', 1], ['Relu', 1], ['Softplus', 1], ['Neg', 1], ['Max', 2], ['Equal', 2], ['Transpose', 1], ['ReduceSum', 1, [], [axes]], ['ReduceMean', 1, [{ name: 'axes', type: 7, ints: [0] }]], ['IsNaN', 1], ['IsInf', 1]]) {
    console.log(dt, op, await probe(op, n, dt, attrs, extra));
  }
}
