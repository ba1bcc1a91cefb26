// Whether this build of @onegrad/backend-tfjs computes the same bits as another (its dist/index.js, e.g.
// of an earlier commit): 20 `step` calls (some traced) then a 40-step `train` run on five networks, on
// cpu and wasm; compares every cost, every trace value and the final parameters.
//   node bench/scripts/tfjs-same-bits.mjs other/dist/index.js   (after `pnpm build`)
import { createTfjsBackend } from '@onegrad/backend-tfjs';
import { initParams, matrix, paramsBitEqual, seededRandom } from '@onegrad/core';

const other = await import(new URL(process.argv[2], `file://${process.cwd()}/`).href);
const nets = [
  [{ sizes: [2, 2, 1], loss: 'bce', dtype: 'float32' }, 2],
  [{ sizes: [20, 16, 5], loss: 'cce', dtype: 'float32', activations: ['relu', 'softmax'] }, 64],
  [{ sizes: [30, 12, 3], loss: 'mse', dtype: 'float32', activations: ['tanh', 'sigmoid'] }, 100],
  [{ sizes: [784, 256, 10], loss: 'cce', dtype: 'float32', activations: ['relu', 'softmax'] }, 16],
  [{ sizes: [5, 7, 6, 1], loss: 'mse', dtype: 'float32', activations: ['relu', 'tanh', 'identity'] }, 300],
];
const bits = (v) => new Uint32Array(Float32Array.from(v).buffer);
let differing = 0;
for (const tfBackend of ['cpu', 'wasm']) {
  for (const [spec, m] of nets) {
    const r = seededRandom(4);
    const [n0, nL] = [spec.sizes[0], spec.sizes[spec.sizes.length - 1]];
    const x = matrix(
      m,
      n0,
      Array.from({ length: m * n0 }, () => r() * 2 - 1),
    );
    const oneHot = (e) => (e % nL === Math.floor(e / nL) % nL ? 1 : 0);
    const y = matrix(
      m,
      nL,
      Array.from({ length: m * nL }, (_, e) => (spec.loss === 'cce' ? oneHot(e) : r())),
    );
    const runs = [];
    for (const create of [createTfjsBackend, other.createTfjsBackend]) {
      const backend = create({ tfBackend });
      const session = await backend.createSession(spec, initParams(spec, 6));
      const costs = [];
      const traces = [];
      for (let k = 0; k < 20; k++) {
        const step = await session.step({ x, y }, { learningRate: 0.1, trace: k % 7 === 0 });
        costs.push(step.loss);
        for (const layer of step.trace?.layers ?? [])
          for (const q of ['z', 'a', 'dA', 'dZ', 'dW', 'db']) traces.push(bits(layer[q].data).join());
      }
      const run = await session.train({ x, y }, { learningRate: 0.1, steps: 40 });
      costs.push(...run.losses);
      runs.push({ costs, traces, params: await session.getParams() });
      await backend.dispose();
    }
    const [a, b] = runs;
    const same =
      paramsBitEqual(a.params, b.params) &&
      a.costs.length === b.costs.length &&
      a.costs.every((v, i) => Object.is(v, b.costs[i])) &&
      a.traces.length === b.traces.length &&
      a.traces.every((v, i) => v === b.traces[i]);
    if (!same) differing++;
    console.log(
      `${tfBackend} ${spec.sizes.join('-')}: ${same ? 'same bits' : 'DIFFERENT'} (costs, traces, parameters)`,
    );
  }
}
process.exitCode = differing === 0 ? 0 : 1;
