import type { MeasurePlan } from './plan.js';
import { RowSkipped, RUNNERS } from './runners/index.js';
import { measure } from './timer.js';
import type { RowSpec } from './types.js';
import { workloadById } from './workloads.js';

/** What a row's run sends back: one per-step time per sample and, from a Node process, its peak RSS. */
export interface ChildResult {
  readonly times: number[];
  readonly peakRssMb?: number;
}

/** The message a child sends: its result, why the row could not run, or why it was skipped by design. */
export type ChildMessage =
  | { readonly ok: true; readonly result: ChildResult }
  | { readonly ok: false; readonly error: string }
  | { readonly ok: false; readonly skipped: string };

/** The argument a child is started with. */
export interface ChildTask {
  readonly row: RowSpec;
  readonly plan: MeasurePlan;
}

async function runTask(task: ChildTask): Promise<ChildResult> {
  const workload = workloadById(task.row.workload);
  const { impl } = task.row;
  if (impl === 'demo-page') throw new Error('a demo-page row is measured in the demo page (--browser)');
  const runner = await RUNNERS[impl](task.row, workload);
  // A call of a many-steps row runs stepsPerCall steps: the report keeps the time of one step.
  const calls = await measure(() => runner.step(), task.plan);
  const times = calls.map((ms) => ms / task.row.stepsPerCall);
  await runner.verify?.();
  await runner.dispose();
  // maxRSS is in kilobytes: the high-water mark of this process, which ran this row only.
  return { times, peakRssMb: process.resourceUsage().maxRSS / 1024 };
}

// Started by spawn-row.ts with an IPC channel: one row per process, so RSS and JIT state are per row.
const task = JSON.parse(process.argv[2] ?? '{}') as ChildTask;
runTask(task).then(
  (result) => process.send?.({ ok: true, result } satisfies ChildMessage, () => process.exit(0)),
  (error: unknown) => {
    if (error instanceof RowSkipped) {
      process.send?.({ ok: false, skipped: error.message } satisfies ChildMessage, () => process.exit(0));
      return;
    }
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.send?.({ ok: false, error: text } satisfies ChildMessage, () => process.exit(1));
  },
);
