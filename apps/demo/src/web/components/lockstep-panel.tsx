import { THRESHOLD } from '@onegrad/conformance/judge';
import { useRef, useState } from 'preact/hooks';
import type uPlot from 'uplot';
import { toBatch } from '../../lib/datasets.js';
import { type Lane, Lockstep, type LockstepPoint, lanesOf } from '../../lib/lockstep.js';
import type { DemoController } from '../controller.js';
import { fmtRatio } from '../format.js';
import { lockstepPlan } from '../lockstep-plan.js';
import { useUplot } from './use-uplot.js';

const COLOURS = ['#2563eb', '#ea580c', '#16a34a', '#9333ea', '#0891b2', '#be123c'];
// Log scale: a ratio of 0 (bit-equal to the reference) or Infinity (a lane that failed) is drawn at the edge.
const FLOOR = 1e-3;
const CEILING = 1e6;

/** Each backend's worst conformance ratio against the 50-digit reference, step by step, from a common start. */
export function LockstepPanel({ c }: { c: DemoController }) {
  const [points, setPoints] = useState<readonly LockstepPoint[]>([]);
  const [lanes, setLanes] = useState<readonly Lane[]>(() => lanesOf(c.pool));
  const [state, setState] = useState('');
  const stop = useRef(false);
  const plan = lockstepPlan(location.search);
  const rows = Math.min(plan.rows, c.dataset.points.length);
  const run = async () => {
    stop.current = false;
    const all = lanesOf(c.pool);
    setLanes(all);
    setPoints([]);
    setState('loading engines…');
    const s = c.settings;
    let ls: Lockstep | undefined;
    try {
      const batch = toBatch(c.dataset, 'float64', s.output === 'softmax');
      const { dtype: _, ...spec } = c.spec;
      ls = await Lockstep.start(c.pool, all, spec, batch, s.randomSeed, rows);
      for (let k = 1; k <= plan.steps && !stop.current; k++) {
        if (await ls.step(s.lr, k % plan.every === 0 || k === 1)) {
          setPoints([...ls.points]);
          setState(`step ${k} of ${plan.steps}`);
          await new Promise(requestAnimationFrame);
        }
      }
      setState(stop.current ? 'stopped' : 'done');
    } catch (e) {
      setState(e instanceof Error ? e.message : String(e));
    } finally {
      ls?.dispose();
    }
  };
  const clamp = (v: number | undefined) => Math.max(FLOOR, Math.min(CEILING, v ?? Number.NaN));
  const data: uPlot.AlignedData = [
    points.map((p) => p.step),
    points.map(() => THRESHOLD),
    ...lanes.map((l) => points.map((p) => clamp(p.ratios[l.key]))),
  ];
  const ref = useUplot(
    () => ({
      // Always a decade either side of the threshold, so that "below the dashed line" reads at a glance;
      // before the first point uPlot passes null, which would make the log scale start at 0.
      scales: {
        x: { time: false },
        y: {
          distr: 3,
          range: (_u, lo, hi) => [Math.min(THRESHOLD / 10, lo ?? 1), Math.max(THRESHOLD * 10, hi ?? 1)],
        },
      },
      axes: [{ label: 'step' }, { label: `worst conformance ratio (threshold ${THRESHOLD})`, size: 60 }],
      legend: { live: false },
      series: [
        { label: 'step' },
        {
          label: `threshold ${THRESHOLD}`,
          stroke: '#b91c1c',
          width: 1,
          dash: [6, 4],
          points: { show: false },
        },
        ...lanes.map((l, i) => ({ label: l.key, stroke: COLOURS[i % COLOURS.length] as string, width: 2 })),
      ],
    }),
    data,
    lanes.map((l) => l.key).join('|'),
    // Tall enough for the axis label to be read whole.
    340,
  );
  const last = points.at(-1);
  const worst = (l: Lane) => Math.max(...points.map((p) => p.ratios[l.key] ?? Number.NaN));
  return (
    <section class="panel lockstep" aria-labelledby="lock-h">
      <h2 id="lock-h">Lockstep</h2>
      <p class="help">
        The reference (TypeScript, float64) trains for {plan.steps} steps;{' '}
        {plan.every === 1 ? 'at every step' : `every ${plan.every}th step`} each backend starts from its
        parameters and takes one step on{' '}
        {rows === c.dataset.points.length ? `all ${rows}` : `the first ${rows} of ${c.dataset.points.length}`}{' '}
        points, judged by @onegrad/conformance against a 50-digit reference: at most {THRESHOLD}, every value
        of the step lies within the error bound derived from its arithmetic.
      </p>
      <div class="row">
        <button type="button" onClick={() => void run()} data-testid="lockstep-run">
          Run lockstep
        </button>
        <button type="button" onClick={() => (stop.current = true)}>
          Stop
        </button>
        <span class="dim" data-testid="lockstep-state" data-judge-ms={last ? last.judgeMs.toFixed(1) : ''}>
          {state}
        </span>
      </div>
      {points.length === 0 && <p class="dim">Press Run lockstep to judge every backend side by side.</p>}
      <div ref={ref} class="plot" style={{ display: points.length ? undefined : 'none' }} />
      {last && (
        <p
          class="dim"
          data-testid="lockstep-last"
          data-worst={JSON.stringify(Object.fromEntries(lanes.map((l) => [l.key, worst(l)])))}
        >
          Worst so far: {lanes.map((l) => `${l.key} ${fmtRatio(worst(l))}`).join(' · ')}; judging takes{' '}
          {last.judgeMs.toFixed(0)} ms per backend and step.
        </p>
      )}
    </section>
  );
}
