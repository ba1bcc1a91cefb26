import { useRef, useState } from 'preact/hooks';
import type uPlot from 'uplot';
import { toBatch } from '../../lib/datasets.js';
import { type Lane, Lockstep, type LockstepPoint, lanesOf } from '../../lib/lockstep.js';
import type { DemoController } from '../controller.js';
import { fmtRatio } from '../format.js';
import { useUplot } from './use-uplot.js';

const COLOURS = ['#2563eb', '#ea580c', '#16a34a', '#9333ea', '#0891b2', '#be123c'];
const STEPS = 150;

/** All backends train the same network side by side; the chart shows each one's worst ratio to ts f64. */
export function LockstepPanel({ c }: { c: DemoController }) {
  const [points, setPoints] = useState<readonly LockstepPoint[]>([]);
  const [lanes, setLanes] = useState<readonly Lane[]>(() => lanesOf(c.pool));
  const [state, setState] = useState('');
  const [resync, setResync] = useState(false);
  const stop = useRef(false);
  const run = async () => {
    stop.current = false;
    const all = lanesOf(c.pool);
    setLanes(all);
    setPoints([]);
    setState('loading engines…');
    const s = c.settings;
    let ls: Lockstep | undefined;
    try {
      ls = await Lockstep.start(
        c.pool,
        all,
        { sizes: c.spec.sizes, loss: s.loss },
        toBatch(c.dataset, 'float64'),
        s.seed,
      );
      for (let i = 0; i < STEPS && !stop.current; i++) {
        await ls.step(s.lr, resync);
        if (i % 5 === 4 || i === STEPS - 1) {
          setPoints([...ls.points]);
          setState(`step ${i + 1} of ${STEPS}`);
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
  const data: uPlot.AlignedData = [
    points.map((p) => p.step),
    ...lanes.map((l) => points.map((p) => Math.max(0.01, Math.min(1e12, p.ratios[l.key] ?? Number.NaN)))),
  ];
  const ref = useUplot(
    () => ({
      scales: { x: { time: false }, y: { distr: 3 } },
      axes: [{ label: 'step' }, { label: 'worst ratio (u)', size: 60 }],
      legend: { live: false },
      series: [
        { label: 'step' },
        ...lanes.map((l, i) => ({ label: l.key, stroke: COLOURS[i % COLOURS.length] as string, width: 2 })),
      ],
    }),
    data,
    lanes.map((l) => l.key).join('|'),
  );
  const last = points.at(-1);
  return (
    <section class="panel lockstep" aria-labelledby="lock-h">
      <h2 id="lock-h">Lockstep</h2>
      <p class="help">
        Every backend trains the same network from the same start for {STEPS} steps. The ratio is the worst |x
        − ref| / (u (|ref| + max|ref|)) over all values of the step against ts float64, in units u of the
        lane's own dtype: how many roundings apart they are. The lanes drift apart as roundings accumulate;
        tick the box to measure one step at a time instead.
      </p>
      <div class="row">
        <button type="button" onClick={() => void run()} data-testid="lockstep-run">
          Run lockstep
        </button>
        <button type="button" onClick={() => (stop.current = true)}>
          Stop
        </button>
        <label class="inline">
          <input type="checkbox" checked={resync} onChange={(e) => setResync(e.currentTarget.checked)} />
          restart each step from the reference
        </label>
        <span class="dim" data-testid="lockstep-state">
          {state}
        </span>
      </div>
      {points.length === 0 && <p class="dim">Press Run lockstep to train all of them side by side.</p>}
      <div ref={ref} class="plot" style={{ display: points.length ? undefined : 'none' }} />
      {last && (
        <p class="dim" data-testid="lockstep-last">
          {lanes.map((l) => `${l.key}: ${fmtRatio(last.ratios[l.key] ?? Number.NaN)}`).join(' · ')}
        </p>
      )}
    </section>
  );
}
