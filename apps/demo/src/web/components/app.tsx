import { useEffect, useReducer } from 'preact/hooks';
import type { DemoController } from '../controller.js';
import { BackendSwitch } from './backend-switch.js';
import { BoundaryView } from './boundary-view.js';
import { Controls } from './controls.js';
import { ExportButtons } from './export-buttons.js';
import { GraphView } from './graph-view.js';
import { LockstepPanel } from './lockstep-panel.js';
import { LossChart } from './loss-chart.js';
import { NetworkView } from './network-view.js';
import { SeedPanel } from './seed-panel.js';
import { useShortcuts } from './use-shortcuts.js';

/** Props of {@link App}. */
export interface AppProps {
  readonly c: DemoController;
  readonly toOnnx?: Parameters<typeof ExportButtons>[0]['toOnnx'];
}

/** The whole page: controls and backend on the left, the seed's question in the middle, charts around. */
export function App({ c, toOnnx }: AppProps) {
  const [, rerender] = useReducer((n: number, _: undefined) => n + 1, 0);
  useEffect(() => {
    const unsubscribe = c.subscribe(() => rerender(undefined));
    // The controller may have changed before this effect subscribed.
    rerender(undefined);
    return unsubscribe;
  }, [c]);
  useShortcuts(c);
  const t = c.trainer;
  return (
    <>
      <header>
        <h1>onegrad</h1>
        <p>
          One sigmoid network, several engines, the same gradients. Watch every value of a training step, and
          see why the seed’s <code>dA2 = error / (A2 (1 − A2))</code> and <code>dZ2 = dA2 · A2 (1 − A2)</code>{' '}
          cancel. Keys: <kbd>Space</kbd> play/pause, <kbd>S</kbd> step, <kbd>R</kbd> reset.
        </p>
      </header>
      <main>
        <div class="side">
          <Controls c={c} />
          <BackendSwitch c={c} />
          <ExportButtons
            spec={c.spec}
            getParams={() => c.trainer?.getParams() ?? Promise.resolve([])}
            toOnnx={toOnnx}
          />
        </div>
        <div class="centre">
          {c.trace && t ? (
            <>
              <SeedPanel
                trace={c.trace}
                y={t.batch.y}
                loss={c.settings.loss}
                dtype={c.settings.dtype}
                saturated={c.saturated}
                onSaturate={() => void c.saturate()}
              />
              <section class="panel" aria-labelledby="graph-h">
                <h2 id="graph-h">The step as a graph</h2>
                <p class="help">
                  Seed layout: one row per unit, one column per sample (first 4 of each). Values in black,
                  gradients dZ and dA in orange, per sample (the 1/m enters only in dW and db).
                </p>
                <GraphView trace={c.trace} x={t.batch.x} />
              </section>
            </>
          ) : (
            <p class="panel">Loading…</p>
          )}
          <div class="pair">
            <LossChart history={t?.history ?? []} switches={t?.switches ?? []} />
            <BoundaryView grid={c.grid} data={c.dataset} />
            <NetworkView spec={c.spec} params={c.trace?.params} />
          </div>
          <LockstepPanel c={c} />
        </div>
      </main>
    </>
  );
}
