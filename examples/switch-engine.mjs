// Trains the seed network on the TypeScript backend, moves it to ONNX Runtime mid-run and goes on.
import { createOnnxBackend } from '@onegrad/backend-onnx';
import { createTsBackend } from '@onegrad/backend-ts';
import { fromRows, initParams } from '@onegrad/core';

const spec = { sizes: [2, 2, 1], loss: 'bce', dtype: 'float64' };
const batch = {
  x: fromRows([
    [1, 1],
    [0, 0],
  ]),
  y: fromRows([[1], [0]]),
};
const step = async (session) => (await session.step(batch, { learningRate: 0.5 })).loss;

const ts = createTsBackend();
const onTs = await ts.createSession(spec, initParams(spec, 1));
let cost = 0;
for (let i = 0; i < 300; i++) cost = await step(onTs);
console.log(`${ts.info.name}: cost after 300 steps ${cost.toFixed(6)}`);

// Parameters move between backends bit for bit: the ONNX session starts where the ts one stopped.
const onnx = createOnnxBackend();
const onOnnx = await onnx.createSession(spec, await onTs.getParams());
const next = { ts: await step(onTs), onnx: await step(onOnnx) };
console.log(`step 301 on ts ${next.ts.toFixed(6)}, on ${onnx.info.engine} ${next.onnx.toFixed(6)}`);
for (let i = 1; i < 300; i++) cost = await step(onOnnx);
console.log(`${onnx.info.name}: cost after 600 steps ${cost.toFixed(6)}`);
await ts.dispose();
await onnx.dispose();
