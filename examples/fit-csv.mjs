// Trains on your own data with fit: rows as a CSV parser gives them, mini-batches, validation, progress.
import { createTsBackend } from '@onegrad/backend-ts';
import { fit, fromRows, initParams, toRows } from '@onegrad/core';

// hours studied, hours slept, passed (1) or not (0): one row per student.
const csv = `
2.0,9.0,0
1.0,5.0,0
3.0,6.0,0
4.0,8.0,1
5.0,5.0,1
6.0,7.0,1
1.5,8.0,0
4.5,6.5,1
2.5,4.0,0
5.5,8.5,1
3.5,7.5,1
0.5,6.0,0
`;
const rows = csv
  .trim()
  .split('\n')
  .map((line) => line.split(',').map(Number));
const scaled = rows.map(([studied, slept, passed]) => [studied / 6, slept / 10, passed]);
const toBatch = (part) => ({
  x: fromRows(part.map(([a, b]) => [a, b])),
  y: fromRows(part.map(([, , passed]) => [passed])),
});
const train = toBatch(scaled.slice(0, 9));
const validation = toBatch(scaled.slice(9));

const spec = { sizes: [2, 4, 1], activations: ['tanh', 'sigmoid'], loss: 'bce', dtype: 'float64' };
const backend = createTsBackend();
const session = await backend.createSession(spec, initParams(spec, 1));
const history = await fit(session, train, {
  learningRate: 0.5,
  epochs: 400,
  batchSize: 3,
  seed: 42,
  validation,
  onEpoch: ({ epoch, loss, validationLoss }) => {
    if ((epoch + 1) % 100 === 0) {
      console.log(`epoch ${epoch + 1}: cost ${loss.toFixed(4)}, validation ${validationLoss.toFixed(4)}`);
    }
  },
});
console.log(
  `${history.stepLoss.length} steps, cost ${history.loss[0].toFixed(4)} -> ${history.loss.at(-1).toFixed(4)}`,
);
const predicted = toRows(await session.forward(validation.x)).map(([p]) => (p > 0.5 ? 1 : 0));
console.log(`validation: predicted ${predicted.join(' ')}, actual ${toRows(validation.y).flat().join(' ')}`);
await backend.dispose();
