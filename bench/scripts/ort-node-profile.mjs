// Where onnxruntime spends one untraced step of the seed network (W1), per operator type, float32 against
// float64, from onnxruntime's own profiler (enableProfiling), plus the untimed node count after its
// graph optimisations:   node bench/scripts/ort-node-profile.mjs   (after `pnpm build`)
import { readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { trainingGraph } from '@onegrad/backend-onnx';
import { initParams } from '@onegrad/core';
import * as ort from 'onnxruntime-node';

process.env.ORT_DISABLE_TELEMETRY ??= '1';
const RUNS = 2000;

async function profile(dtype) {
  const spec = { sizes: [2, 2, 1], loss: 'bce', dtype };
  const session = await ort.InferenceSession.create(trainingGraph(spec), {
    executionProviders: ['cpu'],
    intraOpNumThreads: 1,
    interOpNumThreads: 1,
    enableProfiling: true,
    profileFilePrefix: join(tmpdir(), `onegrad-ort-${dtype}`),
  });
  const Data = dtype === 'float32' ? Float32Array : Float64Array;
  const feeds = {
    X: new ort.Tensor(dtype, Data.from([1, 1, 0, 0]), [2, 2]),
    Y: new ort.Tensor(dtype, Data.from([1, 0]), [2, 1]),
    lr: new ort.Tensor(dtype, Data.of(0.1), []),
  };
  initParams(spec, 6).forEach((p, i) => {
    feeds[`W${i + 1}`] = new ort.Tensor(dtype, p.W.data, [p.W.rows, p.W.cols]);
    feeds[`b${i + 1}`] = new ort.Tensor(dtype, p.b.data, [1, p.b.cols]);
  });
  for (let i = 0; i < RUNS; i++) await session.run(feeds);
  // endProfiling writes the file; onnxruntime-node does not return its name, which starts with the prefix.
  session.endProfiling();
  const prefix = `onegrad-ort-${dtype}`;
  const name = (await readdir(tmpdir()))
    .filter((f) => f.startsWith(prefix))
    .sort()
    .at(-1);
  const file = join(tmpdir(), name);
  const events = JSON.parse(await readFile(file, 'utf8'));
  await rm(file, { force: true });
  const byOp = new Map();
  let kernels = 0;
  let runs = 0;
  let runUs = 0;
  for (const e of events) {
    if (e.cat === 'Node' && e.name.endsWith('_kernel_time')) {
      byOp.set(e.args.op_name, (byOp.get(e.args.op_name) ?? 0) + e.dur);
      kernels++;
    }
    if (e.cat === 'Session' && e.name === 'model_run') {
      runs++;
      runUs += e.dur;
    }
  }
  const summed = [...byOp.values()].reduce((a, b) => a + b, 0);
  console.log(
    `${dtype}: ${kernels / runs} nodes per run, ${(runUs / runs).toFixed(1)} us per run inside onnxruntime, ` +
      `${(summed / runs).toFixed(1)} us of it in kernels`,
  );
  const ops = [...byOp].sort((a, b) => b[1] - a[1]);
  console.log(`  ${ops.map(([op, us]) => `${op} ${(us / runs).toFixed(2)}`).join(', ')} (us per run)`);
  await session.release();
}

await profile('float32');
await profile('float64');
