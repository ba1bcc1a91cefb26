import { useRef } from 'preact/hooks';
import type uPlot from 'uplot';
import type { LossPoint, SwitchRecord } from '../../lib/trainer.js';
import type { PastRun } from '../controller.js';
import { useUplot } from './use-uplot.js';

/** Props of {@link LossChart}. */
export interface LossChartProps {
  readonly history: readonly LossPoint[];
  readonly switches: readonly SwitchRecord[];
  /** Earlier runs, drawn grey behind the current one. */
  readonly runs?: readonly PastRun[];
}

/** Where each switch label goes: the first row (from the top) where it clears the labels already placed. */
export function labelRows(xs: readonly number[], widths: readonly number[], rows: number): number[] {
  const ends: number[] = Array.from({ length: rows }, () => Number.NEGATIVE_INFINITY);
  return xs.map((x, i) => {
    let row = ends.findIndex((end) => x >= end);
    // With every row taken, the label goes where the nearest label ends soonest.
    if (row < 0) row = ends.indexOf(Math.min(...ends));
    ends[row] = x + (widths[i] ?? 0);
    return row;
  });
}

function switchMarkers(getSwitches: () => readonly SwitchRecord[]): uPlot.Plugin {
  return {
    hooks: {
      draw: [
        (u) => {
          const ctx = u.ctx;
          const px = devicePixelRatio;
          ctx.save();
          ctx.strokeStyle = '#c2410c';
          ctx.fillStyle = '#c2410c';
          ctx.font = `${12 * px}px system-ui, sans-serif`;
          ctx.setLineDash([4 * px, 3 * px]);
          const shown = getSwitches()
            .map((s) => ({ s, x: u.valToPos(s.step + 0.5, 'x', true) }))
            .filter(({ x }) => x >= u.bbox.left && x <= u.bbox.left + u.bbox.width);
          const texts = shown.map(({ s }) => `→ ${s.to}`);
          const widths = texts.map((t) => ctx.measureText(t).width + 10 * px);
          const rows = labelRows(
            shown.map(({ x }) => x),
            widths,
            4,
          );
          shown.forEach(({ x }, i) => {
            ctx.beginPath();
            ctx.moveTo(x, u.bbox.top);
            ctx.lineTo(x, u.bbox.top + u.bbox.height);
            ctx.stroke();
            const y = u.bbox.top + (14 + 14 * (rows[i] ?? 0)) * px;
            ctx.fillText(texts[i] ?? '', x + 4 * px, y);
          });
          ctx.restore();
        },
      ],
    },
  };
}

type Cache = {
  history: readonly LossPoint[];
  runs: readonly PastRun[];
  columns: (number | null)[][];
};

/**
 * The chart's columns (step, then each past run, then the current run), appended to since the last render
 * instead of rebuilt: the history only grows (a reset brings a new array), and a playing demo renders it
 * every frame.
 */
function useSeries(history: readonly LossPoint[], runs: readonly PastRun[]): uPlot.AlignedData {
  const cache = useRef<Cache | null>(null);
  let c = cache.current;
  if (!c || c.history !== history || c.runs !== runs) {
    const length = Math.max(0, ...runs.map((r) => r.history.length));
    const steps = Array.from({ length }, (_, i) => i + 1);
    const past = runs.map((r) => steps.map((_, i) => cost(r.history[i])));
    c = { history, runs, columns: [steps, ...past, []] };
    cache.current = c;
  }
  const steps = c.columns[0] as number[];
  const current = c.columns.at(-1) as (number | null)[];
  for (let i = current.length; i < history.length; i++) current.push(cost(history[i]));
  while (steps.length < current.length) {
    steps.push(steps.length + 1);
    for (const col of c.columns.slice(1, -1)) col.push(null);
  }
  while (current.length < steps.length) current.push(null);
  return c.columns as uPlot.AlignedData;
}

function cost(p: LossPoint | undefined): number | null {
  return p ? Math.max(p.loss, 1e-12) : null;
}

/** The cost per step on a log scale, earlier runs in grey, with a dashed line where the backend changed. */
export function LossChart({ history, switches, runs = [] }: LossChartProps) {
  const data = useSeries(history, runs);
  const current = useRef(switches);
  current.current = switches;
  const ref = useUplot(
    () => ({
      scales: { x: { time: false }, y: { distr: 3 } },
      axes: [{ label: 'step' }, { label: 'cost J', size: 60 }],
      series: [
        { label: 'step' },
        ...runs.map((r, i) => ({
          label: r.label,
          stroke: '#94a3b8',
          width: 1.5,
          ...(i === runs.length - 1 ? {} : { dash: [4, 3] }),
        })),
        { label: 'J', stroke: '#2563eb', width: 2 },
      ],
      legend: { show: false },
      plugins: [switchMarkers(() => current.current)],
    }),
    data,
    `loss-${runs.map((r) => `${r.label}:${r.history.length}`).join(',')}`,
  );
  return (
    <section class="panel chart" aria-labelledby="loss-h">
      <h2 id="loss-h">Cost</h2>
      <div ref={ref} class="plot" role="img" aria-label={`cost over ${history.length} steps`} />
      <p class="help">
        Dashed lines mark a backend switch; the new engine's first step is judged against the error model.
        {runs.length > 0 && ` Grey: earlier runs (${runs.map((r) => r.label).join('; ')}).`}
      </p>
    </section>
  );
}
