import type { DemoController, LessonRun } from '../controller.js';
import { fmt } from '../format.js';

const W = 220;
const H = 70;

// The cost on a log scale from 1e-6 to the run's first cost, so a stall reads as a flat line at the top.
function Sparkline({ run }: { run: LessonRun }) {
  const top = Math.log10(Math.max(...run.costs, 1e-6));
  const bottom = Math.min(-6, top - 1);
  const y = (v: number) => ((top - Math.log10(Math.max(v, 1e-6))) / (top - bottom)) * (H - 4) + 2;
  const n = Math.max(1, run.costs.length - 1);
  const d = run.costs
    .map((v, i) => `${i ? 'L' : 'M'}${((i / n) * W).toFixed(1)},${y(v).toFixed(1)}`)
    .join('');
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      class="spark"
      role="img"
      aria-label={`${run.loss} cost over ${run.costs.length} steps`}
    >
      <path d={d} fill="none" stroke={run.loss === 'bce' ? '#2563eb' : '#c2410c'} stroke-width={2} />
    </svg>
  );
}

const WORDS = {
  bce: 'Cross-entropy: dZ2 = A2 − Y (fused) stays 1 for a sample with Y = 0, so the bias comes down and the cost falls.',
  mse: 'Squared error: dZ2 = 2 (A2 − Y) · A2 (1 − A2) and A2 (1 − A2) = 0 once A2 rounds to 1: no gradient, the cost stays put.',
} as const;

/** After "Saturate A2": both losses trained from the same saturated parameters, side by side, both kept. */
export function LessonPanel({ c }: { c: DemoController }) {
  const lesson = c.lesson;
  if (!c.saturatedParams && !lesson) return null;
  return (
    <div class="lesson" data-testid="lesson" data-done={String(lesson?.done ?? false)}>
      <div class="row">
        <button
          type="button"
          data-testid="lesson-run"
          disabled={
            c.busy !== '' ||
            !c.saturatedParams ||
            (lesson !== undefined && !lesson.done) ||
            c.settings.output !== 'sigmoid'
          }
          onClick={() => void c.runSaturationLesson()}
        >
          Train both losses from here
        </button>
        <span class="help">
          {lesson?.steps ?? 600} steps each from the same saturated weights, on{' '}
          {c.trainer?.active.backend.name}, in sessions of their own: the training above is left as it is.
        </span>
      </div>
      {lesson && (
        <div class="lesson-runs">
          {lesson.runs.map((run) => (
            <figure
              key={run.loss}
              data-testid={`lesson-${run.loss}`}
              data-first={String(run.costs[0] ?? '')}
              data-last={String(run.costs.at(-1) ?? '')}
              data-steps={String(run.costs.length)}
            >
              <Sparkline run={run} />
              <figcaption>
                <b>{run.loss}</b>: J {fmt(run.costs[0] ?? Number.NaN, 3)} →{' '}
                {fmt(run.costs.at(-1) ?? Number.NaN, 3)} after {run.costs.length} steps. {WORDS[run.loss]}
              </figcaption>
            </figure>
          ))}
        </div>
      )}
    </div>
  );
}
