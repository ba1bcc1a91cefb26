import { useEffect, useReducer } from 'preact/hooks';
import type { DemoController } from '../controller.js';
import { BackendSwitch } from './backend-switch.js';
import { BoundaryView } from './boundary-view.js';
import { Controls } from './controls.js';
import { ExportButtons } from './export-buttons.js';
import { FdCheck } from './fd-check.js';
import { GraphView } from './graph-view.js';
import { LayoutPanel } from './layout-panel.js';
import { LessonPanel } from './lesson-panel.js';
import { LockstepPanel } from './lockstep-panel.js';
import { LossChart } from './loss-chart.js';
import { NetworkView } from './network-view.js';
import { SeedPanel } from './seed-panel.js';
import { useHasKeyboard, useShortcuts } from './use-shortcuts.js';

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
  const keyboard = useHasKeyboard();
  const t = c.trainer;
  const sigmoidOut = c.settings.output === 'sigmoid';
  return (
    <>
      <header>
        <h1>onegrad</h1>
        <p>
          One sigmoid network, several engines, the same gradients. Watch every value of a training step, and
          see why the seed’s <code>dA2 = error / (A2 (1 − A2))</code> and <code>dZ2 = dA2 · A2 (1 − A2)</code>{' '}
          cancel.
          {keyboard && (
            <span class="keys">
              {' '}
              Keys: <kbd>Space</kbd> play/pause, <kbd>S</kbd> step, <kbd>R</kbd> reset.
            </span>
          )}
        </p>
        {c.notice && (
          <p class="notice" role="status" data-testid="notice">
            {c.notice}
          </p>
        )}
      </header>
      <main>
        <div class="side">
          <Controls c={c} />
          <BackendSwitch c={c} />
          <ExportButtons c={c} toOnnx={toOnnx} />
        </div>
        <div class="centre">
          {c.trace && t ? (
            <>
              {sigmoidOut ? (
                <SeedPanel
                  trace={c.trace}
                  y={t.batch.y}
                  loss={c.settings.loss}
                  dtype={c.settings.dtype}
                  saturated={c.saturated}
                  onSaturate={() => void c.saturate()}
                >
                  <LessonPanel c={c} />
                </SeedPanel>
              ) : (
                <p class="panel help" data-testid="seed-off">
                  The seed’s lines divide by the sigmoid’s A2 (1 − A2): choose the sigmoid output to see them.
                  The graph below shows this output’s own local derivatives.
                </p>
              )}
              <LayoutPanel />
              <section class="panel" aria-labelledby="graph-h">
                <h2 id="graph-h">The step as a graph</h2>
                <p class="help">
                  Value nodes (X, Z, A, J) and operation nodes (matmul, the activation, the loss) are
                  separate: each operation carries its own local derivative, as a formula and as its value for
                  sample 1 (unit 1). Seed layout: one row per unit, one column per sample (first 4). Values in
                  black, gradients dZ and dA in orange, per sample (the 1/m enters only in dW and db). The
                  “all” button of a node lists every sample.
                </p>
                <GraphView spec={t.spec} trace={c.trace} batch={t.batch}>
                  <FdCheck c={c} />
                </GraphView>
              </section>
            </>
          ) : (
            <p class="panel">Loading…</p>
          )}
          <div class="pair">
            <LossChart history={t?.history ?? []} switches={t?.switches ?? []} runs={c.runs} />
            <BoundaryView
              grid={c.grid}
              data={c.dataset}
              onEdit={(x1, x2, label, radius) => void c.editPoint(x1, x2, label, radius)}
              disabled={c.busy !== ''}
            />
            <NetworkView spec={c.spec} params={c.trace?.params} />
          </div>
          <LockstepPanel c={c} />
        </div>
      </main>
    </>
  );
}
