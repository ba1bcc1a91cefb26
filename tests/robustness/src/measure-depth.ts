#!/usr/bin/env node
import { createOnnxBackend } from '@onegrad/backend-onnx';
import { initParams, matrix, type NetworkSpec } from '@onegrad/core';

// node tests/robustness/dist/measure-depth.js [depths...]: the first step of a [2, 2, ..., 2, 1]
// network on onnx (building and compiling the training graph), and the longest the event loop was
// blocked meanwhile, per depth. A separate command, never a test.
const depths = process.argv.slice(2).map(Number);
const backend = createOnnxBackend();
await backend.init();
console.log('depth  first step ms  longest event-loop block ms');
for (const depth of depths.length > 0 ? depths : [50, 100, 200, 500]) {
  const spec: NetworkSpec = { sizes: [...Array(depth).fill(2), 1], loss: 'bce', dtype: 'float32' };
  let last = performance.now();
  let blocked = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    blocked = Math.max(blocked, now - last);
    last = now;
  }, 10);
  const t0 = performance.now();
  try {
    const session = await backend.createSession(spec, initParams(spec, 1));
    await session.step(
      { x: matrix(1, 2, [1, 0], 'float32'), y: matrix(1, 1, [1], 'float32') },
      { learningRate: 0.1 },
    );
    session.dispose();
    const ms = performance.now() - t0;
    clearInterval(tick);
    blocked = Math.max(blocked, performance.now() - last);
    console.log(
      `${String(depth).padStart(5)}  ${ms.toFixed(0).padStart(13)}  ${blocked.toFixed(0).padStart(27)}`,
    );
  } catch (error) {
    clearInterval(tick);
    console.log(`${String(depth).padStart(5)}  refused: ${(error as Error).message}`);
  }
}
await backend.dispose();
