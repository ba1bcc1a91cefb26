#!/usr/bin/env node
import { decodeParamsFile, encodeParamsFile, initParams, type NetworkSpec } from '@onegrad/core';

// node tests/robustness/dist/measure-limits.js: times the parameters file on a 9.5 MB file and on a
// 2x2 network's file whose payload was inflated to 16 and 64 MB (refused), as a separate command, never a test.
const time = <T>(run: () => T): [T, number] => {
  const t0 = performance.now();
  const out = run();
  return [out, performance.now() - t0];
};
const mb = (n: number) => (n / 2 ** 20).toFixed(1);

const spec: NetworkSpec = { sizes: [784, 2000, 100, 1], loss: 'bce', dtype: 'float32' };
const params = initParams(spec, 1);
const [text, encodeMs] = time(() => encodeParamsFile(spec, params));
const [, decodeMs] = time(() => decodeParamsFile(text));
console.log(
  `9.5 MB file (${mb(text.length)} MB of text): encode ${encodeMs.toFixed(0)} ms, decode ${decodeMs.toFixed(0)} ms`,
);

const small: NetworkSpec = { sizes: [2, 2], loss: 'bce', dtype: 'float32' };
for (const size of [16, 64]) {
  const file = JSON.parse(encodeParamsFile(small, initParams(small, 1)));
  file.layers[0].W.data = 'AAAA'.repeat((size / 4) * 2 ** 20);
  const inflated = JSON.stringify(file);
  const [outcome, refuseMs] = time(() => {
    try {
      decodeParamsFile(inflated);
      return 'accepted';
    } catch (error) {
      return (error as Error).name;
    }
  });
  console.log(`2x2 file with a ${size} MB payload: ${outcome} in ${refuseMs.toFixed(0)} ms`);
}
