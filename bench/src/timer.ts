// The global `performance`, so the same timer runs in Node and in the browser.
import type { MeasurePlan } from './plan.js';

/** One training step; a promise is awaited, a plain value is not. */
export type Step = () => unknown;

async function runSteps(step: Step, count: number): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const result = step();
    if (result instanceof Promise) await result;
  }
  return performance.now() - start;
}

/**
 * Warms `step` up, then times `plan.samples` samples of n steps each (n chosen from the warm-up so a
 * sample lasts `plan.minSampleMs`). Returns the time of one step in each sample, in milliseconds.
 */
export async function measure(step: Step, plan: MeasurePlan): Promise<number[]> {
  let steps = 0;
  let elapsed = 0;
  let last = 0;
  while (steps < plan.warmupSteps || elapsed < plan.warmupMs) {
    last = await runSteps(step, 1);
    elapsed += last;
    steps++;
  }
  // The last warm-up step is the best guess of a settled step's time.
  const estimate = Math.max(last, 1e-4);
  const perSample = Math.max(1, Math.ceil(plan.minSampleMs / estimate));
  const affordable = Math.floor(plan.rowBudgetMs / (estimate * perSample));
  const samples = Math.max(3, Math.min(plan.samples, affordable));
  const times: number[] = [];
  for (let s = 0; s < samples; s++) {
    // Batches of perSample steps until the sample lasts minSampleMs: the estimate is right in Node, but a
    // browser's clock (0.1 ms steps) can read a fast warm-up step as 0 or one tick.
    let ms = 0;
    let n = 0;
    do {
      ms += await runSteps(step, perSample);
      n += perSample;
    } while (ms < plan.minSampleMs);
    times.push(ms / n);
  }
  return times;
}
