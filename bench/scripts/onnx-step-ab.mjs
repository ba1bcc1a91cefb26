// One untraced `session.step` (and a `train` of 1000 steps) on onegrad-onnx against another build of the
// backend and the GEMM floor, interleaved in one process so that a busy machine slows every variant alike:
//   node bench/scripts/onnx-step-ab.mjs [W1..W5|all] [float32|float64|both] [rounds] [other-dist-dir]
// (after `pnpm build`). other-dist-dir is a copy of packages/backend-onnx/dist built from another commit;
// without it only this build and the floor are timed. Prints median and minimum over rounds, in us per step;
// SAMPLE_MS (default 20) sets the work per sample.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createOnnxBackend } from '@onegrad/backend-onnx';
import { initParams } from '@onegrad/core';
import { ortGemmFloorRunner } from '../dist/runners/ort-gemm-floor.js';
import { DATA_SEED, WORKLOADS, workloadData, workloadSpec } from '../dist/workloads.js';

const [which = 'W1', dtypes = 'float32', roundsArg = '15', otherDir] = process.argv.slice(2);
const ROUNDS = Number(roundsArg);
// Milliseconds of work per sample: short samples let the minimum find the moments a shared machine is quiet.
const SAMPLE_MS = Number(process.env.SAMPLE_MS ?? 20);
const TRAIN_STEPS = 1000;
const other = otherDir ? await import(pathToFileURL(resolve(otherDir, 'node.js')).href) : undefined;
const workloads = WORKLOADS.filter((w) => which === 'all' || w.id === which);
const dtypeList = dtypes === 'both' ? ['float32', 'float64'] : [dtypes];

/** A step of `w` in `dtype` on the backend `create` makes: one `step`, or a `train` of `steps`. */
async function sessionVariant(create, w, dtype, steps) {
  const backend = create();
  const spec = workloadSpec(w, dtype);
  const session = await backend.createSession(spec, initParams(spec, DATA_SEED));
  const batch = workloadData(w, dtype);
  const options = { learningRate: w.learningRate };
  const run = { ...options, steps };
  return {
    perCall: steps,
    call: steps > 1 ? () => session.train(batch, run) : () => session.step(batch, options),
    dispose: async () => {
      session.dispose();
      await backend.dispose();
    },
  };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`onegrad-onnx step, ${ROUNDS} interleaved rounds; us per step`);
for (const w of workloads) {
  // Every dtype of a workload in one set of interleaved rounds, so float32 and float64 compare fairly.
  const variants = {};
  for (const dtype of dtypeList) {
    const tag = dtypeList.length > 1 ? `${dtype} ` : '';
    variants[`${tag}this build: step`] = await sessionVariant(createOnnxBackend, w, dtype, 1);
    if (other)
      variants[`${tag}other build: step`] = await sessionVariant(other.createOnnxBackend, w, dtype, 1);
    variants[`${tag}ort-gemm-floor`] = {
      perCall: 1,
      ...(await ortGemmFloorRunner({ dtype, threads: 1 }, w)),
    };
    if (w.id === 'W1') {
      const train = `train x${TRAIN_STEPS}`;
      variants[`${tag}this build: ${train}`] = await sessionVariant(createOnnxBackend, w, dtype, TRAIN_STEPS);
      if (other) {
        variants[`${tag}other build: ${train}`] = await sessionVariant(
          other.createOnnxBackend,
          w,
          dtype,
          TRAIN_STEPS,
        );
      }
    }
  }
  for (const v of Object.values(variants)) v.call ??= v.step;
  // Calls per sample: about SAMPLE_MS of work, measured once after a warm-up.
  for (const v of Object.values(variants)) {
    for (let i = 0; i < 20; i++) await v.call();
    const t0 = performance.now();
    await v.call();
    v.n = Math.max(1, Math.ceil(SAMPLE_MS / Math.max(performance.now() - t0, 1e-3)));
    v.times = [];
  }
  const names = Object.keys(variants);
  for (let r = 0; r < ROUNDS; r++) {
    for (let k = 0; k < names.length; k++) {
      const v = variants[names[(k + r) % names.length]];
      const t0 = performance.now();
      for (let i = 0; i < v.n; i++) await v.call();
      v.times.push(((performance.now() - t0) * 1000) / (v.n * v.perCall));
    }
  }
  console.log(`${w.id}${dtypeList.length > 1 ? '' : ` ${dtypeList[0]}`}`);
  for (const [name, v] of Object.entries(variants)) {
    const [med, min] = [median(v.times), Math.min(...v.times)];
    console.log(
      `  ${name.padEnd(36)} median ${med.toFixed(1).padStart(8)}   min ${min.toFixed(1).padStart(8)}`,
    );
    await v.dispose();
  }
}
