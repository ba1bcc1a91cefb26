// Trains the seed network, exports it as an ONNX model and runs the model with onnxruntime-node itself.
import { exportOnnx } from '@onegrad/backend-onnx';
import { createTsBackend } from '@onegrad/backend-ts';
import { fromRows, initParams, toRows } from '@onegrad/core';

const spec = { sizes: [2, 2, 1], loss: 'bce', dtype: 'float32' };
const x = fromRows(
  [
    [1, 1],
    [0, 0],
  ],
  'float32',
);
const backend = createTsBackend();
const session = await backend.createSession(spec, initParams(spec, 1));
for (let i = 0; i < 1000; i++) await session.step({ x, y: fromRows([[1], [0]]) }, { learningRate: 0.5 });

const model = exportOnnx(spec, await session.getParams()); // input X (batch x 2), output probabilities
console.log(`exported ${model.byteLength} bytes of ONNX`);
// onnxruntime-node's telemetry stays off unless asked for; set before the runtime loads.
process.env.ORT_DISABLE_TELEMETRY ??= '1';
const ort = await import('onnxruntime-node');
const inference = await ort.InferenceSession.create(model);
const { probabilities } = await inference.run({ X: new ort.Tensor('float32', x.data, [x.rows, x.cols]) });
console.log(`onnxruntime-node: [${[...probabilities.data].map((p) => p.toFixed(6))}]`);
const own = toRows(await session.forward(x)).map(([p]) => p.toFixed(6));
console.log(`session.forward:  [${own}]`);
await backend.dispose();
