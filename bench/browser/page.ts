// The page `pnpm bench --browser` drives: it runs one row at a time in this tab, with the same session
// runner, timer and workloads as the Node rows (the bench's compiled modules), on the browser builds of
// the backends.
import { createOnnxWebBackend } from '@onegrad/backend-onnx/web';
import { createTfjsBackend } from '@onegrad/backend-tfjs';
import { createTsBackend } from '@onegrad/backend-ts';
import type { Backend } from '@onegrad/core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import plain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { ChildMessage, ChildTask } from '../dist/child.js';
import { sessionRunner } from '../dist/runners/onegrad-session.js';
import { RowSkipped } from '../dist/runners/runner.js';
import { measure } from '../dist/timer.js';
import { workloadById } from '../dist/workloads.js';

// tfjs-wasm fetches its .wasm beside its script by default; the build emits them under hashed names.
setWasmPaths({
  'tfjs-backend-wasm.wasm': plain,
  'tfjs-backend-wasm-simd.wasm': simd,
  'tfjs-backend-wasm-threaded-simd.wasm': threaded,
});

function backendOf(task: ChildTask): Backend {
  const { impl, engine } = task.row;
  if (impl === 'onegrad-ts') return createTsBackend();
  if (impl === 'onegrad-onnx') return createOnnxWebBackend({ threads: task.row.threads ?? 1 });
  if (impl === 'onegrad-tfjs')
    return createTfjsBackend({ tfBackend: engine === 'tfjs-webgl' ? 'webgl' : 'wasm' });
  throw new Error(`${impl} does not run in the page`);
}

/** Runs one row and reports as a Node child does: per-step times, or why it was skipped or failed. */
async function runRow(task: ChildTask): Promise<ChildMessage> {
  try {
    const runner = await sessionRunner(backendOf(task), task.row, workloadById(task.row.workload));
    let calls: number[];
    try {
      calls = await measure(() => runner.step(), task.plan);
      await runner.verify?.();
    } finally {
      await runner.dispose();
    }
    return { ok: true, result: { times: calls.map((ms) => ms / task.row.stepsPerCall) } };
  } catch (error) {
    if (error instanceof RowSkipped) return { ok: false, skipped: error.message };
    return { ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

(globalThis as { onegradBenchRow?: typeof runRow }).onegradBenchRow = runRow;
