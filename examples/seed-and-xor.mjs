// Trains the seed network (2-2-1, sigmoid, bce) and XOR (2-4-1, tanh then sigmoid) on the TypeScript backend.
import { createTsBackend } from '@onegrad/backend-ts';
import { fromRows, initParams, toRows } from '@onegrad/core';

const backend = createTsBackend();

// The seed: two samples, one sigmoid hidden layer, binary cross-entropy.
const seed = { sizes: [2, 2, 1], loss: 'bce', dtype: 'float64' };
const seedBatch = {
  x: fromRows([
    [1, 1],
    [0, 0],
  ]),
  y: fromRows([[1], [0]]),
};
const net = await backend.createSession(seed, initParams(seed, 1));
const before = (await net.step(seedBatch, { learningRate: 0.5 })).loss;
for (let i = 1; i < 1000; i++) await net.step(seedBatch, { learningRate: 0.5 });
const { loss, trace } = await net.step(seedBatch, { learningRate: 0.5, trace: true });
console.log(`seed: cost ${before.toFixed(4)} -> ${loss.toFixed(4)} after 1000 steps`);
const [a2, dZ2] = [trace.layers[1].a, trace.layers[1].dZ];
console.log(
  `seed: A2 = [${[...a2.data].map((v) => v.toFixed(4))}], dZ2 = A2 - Y = [${[...dZ2.data].map((v) => v.toFixed(4))}]`,
);

// XOR: four samples, a tanh hidden layer of four units.
const xor = { sizes: [2, 4, 1], activations: ['tanh', 'sigmoid'], loss: 'bce', dtype: 'float64' };
const x = fromRows([
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
]);
const xorBatch = { x, y: fromRows([[0], [1], [1], [0]]) };
const xorNet = await backend.createSession(xor, initParams(xor, 3));
for (let i = 0; i < 2000; i++) await xorNet.step(xorBatch, { learningRate: 0.5 });
const predicted = toRows(await xorNet.forward(x)).map(([p]) => p.toFixed(3));
console.log(`xor: 00 01 10 11 -> ${predicted.join(' ')}`);
await backend.dispose();
