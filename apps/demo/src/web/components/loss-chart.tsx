import { useRef } from 'preact/hooks';
import type uPlot from 'uplot';
import type { LossPoint, SwitchRecord } from '../../lib/trainer.js';
import { useUplot } from './use-uplot.js';

/** Props of {@link LossChart}. */
export interface LossChartProps {
  readonly history: readonly LossPoint[];
  readonly switches: readonly SwitchRecord[];
}

function switchMarkers(getSwitches: () => readonly SwitchRecord[]): uPlot.Plugin {
  return {
    hooks: {
      draw: [
        (u) => {
          const ctx = u.ctx;
          ctx.save();
          ctx.strokeStyle = '#c2410c';
          ctx.fillStyle = '#c2410c';
          ctx.font = `${12 * devicePixelRatio}px system-ui, sans-serif`;
          ctx.setLineDash([4 * devicePixelRatio, 3 * devicePixelRatio]);
          for (const [i, s] of getSwitches().entries()) {
            const x = u.valToPos(s.step + 0.5, 'x', true);
            if (x < u.bbox.left || x > u.bbox.left + u.bbox.width) continue;
            ctx.beginPath();
            ctx.moveTo(x, u.bbox.top);
            ctx.lineTo(x, u.bbox.top + u.bbox.height);
            ctx.stroke();
            // Labels alternate between two lines, so that switches close together stay readable.
            const y = u.bbox.top + (14 + 14 * (i % 2)) * devicePixelRatio;
            ctx.fillText(`→ ${s.to}`, x + 4 * devicePixelRatio, y);
          }
          ctx.restore();
        },
      ],
    },
  };
}

/**
 * The chart's columns for `history`, appended to since the last render instead of rebuilt: the history
 * only grows (a reset brings a new array), and a playing demo renders it every frame.
 */
function useSeries(history: readonly LossPoint[]): uPlot.AlignedData {
  const cache = useRef<{ history: readonly LossPoint[]; steps: number[]; costs: number[] } | null>(null);
  let c = cache.current;
  if (!c || c.history !== history || c.steps.length > history.length) {
    c = { history, steps: [], costs: [] };
    cache.current = c;
  }
  for (let i = c.steps.length; i < history.length; i++) {
    const p = history[i] as LossPoint;
    c.steps.push(p.step);
    c.costs.push(Math.max(p.loss, 1e-12));
  }
  return [c.steps, c.costs];
}

/** The cost per step on a log scale, with a dashed line where the backend changed. */
export function LossChart({ history, switches }: LossChartProps) {
  const data = useSeries(history);
  const current = useRef(switches);
  current.current = switches;
  const ref = useUplot(
    () => ({
      scales: { x: { time: false }, y: { distr: 3 } },
      axes: [{ label: 'step' }, { label: 'cost J', size: 60 }],
      series: [{ label: 'step' }, { label: 'J', stroke: '#2563eb', width: 2 }],
      legend: { show: false },
      plugins: [switchMarkers(() => current.current)],
    }),
    data,
    'loss',
  );
  return (
    <section class="panel chart" aria-labelledby="loss-h">
      <h2 id="loss-h">Cost</h2>
      <div ref={ref} class="plot" role="img" aria-label={`cost over ${history.length} steps`} />
      <p class="help">
        Dashed lines mark a backend switch; the new engine's first step is judged against the error model.
      </p>
    </section>
  );
}
