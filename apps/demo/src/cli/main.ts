#!/usr/bin/env node
import { THRESHOLD } from '@onegrad/conformance/judge';
import {
  DIVERGENCE_FACTOR,
  initParams,
  type NetworkSpec,
  outputActivation,
  type Params,
  SpecError,
  type StepTrace,
} from '@onegrad/core';
import { makeDataset, toBatch } from '../lib/datasets.js';
import { Trainer } from '../lib/trainer.js';
import { type CliOptions, parseCliArgs, UsageError } from './args.js';
import { helpText } from './help.js';
import { nodePool } from './node-backends.js';
import { ProgressBar } from './progress-bar.js';
import { outputTable, traceTable } from './trace-table.js';

const pool = nodePool();

function usage(message: string): number {
  process.stderr.write(`onegrad demo: ${message}\nRun with --help to see the options.\n`);
  return 2;
}

/**
 * The first backend of `ids` that refuses `spec` with a SpecError (it has no kernel for an activation or
 * loss), as a message; undefined when every one accepts it. Checked before training, not at a switch.
 */
async function refusal(
  ids: readonly string[],
  spec: NetworkSpec,
  params: Params,
): Promise<string | undefined> {
  for (const id of new Set(ids)) {
    try {
      (await (await pool.get(id)).createSession(spec, params)).dispose();
    } catch (e) {
      if (e instanceof SpecError || (e instanceof Error && e.name === 'SpecError'))
        return `backend '${id}' cannot train this network: ${e.message}`;
      throw e;
    }
  }
  return undefined;
}

async function train(o: CliOptions): Promise<number> {
  const { spec } = o;
  const ids = [o.backend, ...o.switches.map((s) => s.backend)];
  for (const id of ids) {
    const c = pool.choice(id);
    if (!c.dtypes.includes(o.dtype))
      return usage(`backend '${id}' computes in ${c.dtypes.join(', ')} only, not ${o.dtype}`);
  }
  const data = makeDataset(o.dataset, o.seed);
  const params = initParams(spec, o.seed);
  const refused = await refusal(ids, spec, params);
  if (refused) return usage(refused);
  const trainer = await Trainer.start(pool, o.backend, spec, toBatch(data, o.dtype, o.oneHot), params);
  const out = process.stdout;
  const layers = o.activations ? ` ${o.activations.join(', ')}` : '';
  const classes = o.oneHot ? `, ${data.classes} classes one-hot` : '';
  out.write(
    `Training [${spec.sizes.join(', ')}]${layers} on ${o.dataset} (${data.points.length} points${classes}), ${o.loss}, ${o.dtype}, lr ${o.lr}\n`,
  );
  out.write(`Start: ${trainer.active.backend.name} (${trainer.active.backend.engine})\n`);
  const bar = new ProgressBar(process.stderr, o.steps, o.progress);
  let traced: { step: number; backend: string; engine: string; trace: StepTrace } | undefined;
  let diverged: { step: number; loss: number } | undefined;
  for (let k = 1; k <= o.steps; k++) {
    const r = await trainer.step(o.lr, k === o.traceStep);
    if (r.diverging) diverged ??= { step: k, loss: r.loss };
    if (r.trace)
      traced = {
        step: k,
        backend: trainer.active.backend.name,
        engine: trainer.active.backend.engine,
        trace: r.trace,
      };
    const planned = o.switches.find((s) => s.step === k);
    if (planned) {
      bar.finish();
      const s = await trainer.switchTo(planned.backend);
      out.write(
        `After step ${k}: ${s.from} -> ${s.to} (${trainer.active.backend.engine}); parameters ${
          s.bitEqual ? 'identical bit for bit' : 'NOT identical'
        }\n`,
      );
    }
    if (k % 10 === 0 || k === o.steps) bar.update(k, `${trainer.backendId}  J ${r.loss.toPrecision(5)}`);
  }
  bar.finish();
  const losses = trainer.history.map((p) => p.loss);
  for (const s of trainer.switches) {
    const f = s.firstStep;
    const verdict = f
      ? `${f.pass ? 'within' : 'OUTSIDE'} the error model (worst conformance ratio ${f.worstRatio.toPrecision(2)}, threshold ${THRESHOLD})`
      : 'not taken';
    out.write(
      `First step on ${s.to} after the switch: cost ${losses[s.step - 1]?.toPrecision(8)} then ${losses[s.step]?.toPrecision(8)}; ${verdict}\n`,
    );
  }
  out.write(`Final cost ${losses.at(-1)?.toPrecision(8)} after ${o.steps} steps on ${trainer.backendId}\n`);
  if (traced && outputActivation(spec) === 'sigmoid') {
    out.write(
      `\nThe seed's lines at step ${traced.step} on ${traced.backend} (${traced.engine}), ${o.dtype} arithmetic:\n`,
    );
    out.write(`${traceTable(traced.trace, trainer.batch.y, o.loss, o.dtype)}\n`);
  } else if (traced) {
    out.write(
      `\nThe output layer at step ${traced.step} on ${traced.backend} (${traced.engine}), ${o.dtype} arithmetic:\n`,
    );
    out.write(`${outputTable(traced.trace, trainer.batch.y, spec)}\n`);
  }
  trainer.dispose();
  if (diverged) {
    process.stderr.write(
      `onegrad demo: training diverged: the cost reached ${diverged.loss.toPrecision(3)} at step ${diverged.step}, over ${DIVERGENCE_FACTOR} times where it started; lower --lr\n`,
    );
    return 3;
  }
  return 0;
}

async function main(argv: readonly string[]): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCliArgs(argv, pool.ids);
  } catch (e) {
    if (e instanceof UsageError) return usage(e.message);
    throw e;
  }
  if (options.help) {
    process.stdout.write(helpText(pool.ids));
    return 0;
  }
  try {
    return await train(options);
  } catch (e) {
    if (e instanceof Error && e.name === 'DivergenceError') {
      process.stderr.write(`onegrad demo: training diverged: ${e.message}; lower --lr\n`);
      return 3;
    }
    process.stderr.write(`onegrad demo: training failed: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  } finally {
    await pool.dispose();
  }
}

process.exitCode = await main(process.argv.slice(2));
