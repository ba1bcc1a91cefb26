import {
  type DType,
  initParams,
  type Matrix,
  type NetworkSpec,
  type StepTrace,
  serialQueue,
} from '@onegrad/core';
import type { BackendPool } from '../lib/backend-pool.js';
import { type Dataset, makeDataset, toBatch } from '../lib/datasets.js';
import { saturateOutput } from '../lib/saturate.js';
import { saturatingShift } from '../lib/seed-lines.js';
import { type SwitchRecord, Trainer } from '../lib/trainer.js';
import { type BoundaryGrid, type GridInputs, gridInputs, gridOf } from './boundary-grid.js';
import { DEFAULT_SETTINGS, needsReset, type Settings } from './settings.js';

/** Holds the network being trained and drives it; components read it and re-render on `subscribe`. */
export class DemoController {
  settings: Settings = DEFAULT_SETTINGS;
  dataset: Dataset = makeDataset(DEFAULT_SETTINGS.dataset);
  trainer: Trainer | undefined;
  trace: StepTrace | undefined;
  grid: BoundaryGrid | undefined;
  running = false;
  /** True while the output was pushed into saturation and no plain step was taken since. */
  saturated = false;
  error = '';
  private readonly queue = serialQueue();
  private readonly listeners = new Set<() => void>();
  private lastGrid = 0;
  /** The grid's inputs for the dataset and dtype they were built for (they change only with those). */
  private gridFor: { dataset: Dataset; dtype: DType; inputs: GridInputs } | undefined;

  constructor(readonly pool: BackendPool) {}

  /** Calls `fn` after every change; returns the unsubscribe function. */
  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** The network spec of the current settings. */
  get spec(): NetworkSpec {
    const { hidden, loss, dtype } = this.settings;
    return { sizes: [2, ...hidden, 1], loss, dtype };
  }

  /** Applies new settings; anything structural restarts training from the seeded weights. */
  update(next: Partial<Settings>): Promise<void> {
    const merged = { ...this.settings, ...next };
    if (!this.pool.choice(merged.backend).dtypes.includes(merged.dtype)) merged.backend = 'ts';
    const reset = needsReset(this.settings, merged);
    const move = merged.backend !== this.trainer?.backendId;
    this.settings = merged;
    if (reset || !this.trainer) return this.reset();
    if (move) return this.switchBackend(merged.backend);
    this.emit();
    return Promise.resolve();
  }

  /** Starts over from `initParams(spec, seed)` on the chosen backend. */
  reset(): Promise<void> {
    this.running = false;
    return this.run(async () => {
      this.trainer?.dispose();
      this.trainer = undefined;
      this.trace = undefined;
      this.saturated = false;
      this.dataset = makeDataset(this.settings.dataset, this.settings.seed);
      const spec = this.spec;
      const batch = toBatch(this.dataset, spec.dtype);
      this.trainer = await Trainer.start(
        this.pool,
        this.settings.backend,
        spec,
        batch,
        initParams(spec, this.settings.seed),
      );
      this.trace = (await this.trainer.step(this.settings.lr, true)).trace;
      await this.refreshGrid(true);
    });
  }

  /** One traced step. */
  step(): Promise<void> {
    return this.run(async () => {
      if (!this.trainer) return;
      this.saturated = false;
      this.trace = (await this.trainer.step(this.settings.lr, true)).trace;
      await this.refreshGrid(true);
    });
  }

  /** Trains continuously until {@link pause}; each frame takes a few steps and traces the last. */
  play(): void {
    if (this.running) return;
    this.running = true;
    this.saturated = false;
    this.emit();
    const frame = async () => {
      if (!this.running || !this.trainer) return;
      await this.run(async () => {
        const trainer = this.trainer;
        if (!trainer) return;
        // At most `speed` steps and about one frame's time, so the page stays responsive on slow engines.
        const until = performance.now() + 14;
        for (let i = 1; i < this.settings.speed && performance.now() < until; i++) {
          await trainer.step(this.settings.lr, false);
        }
        this.trace = (await trainer.step(this.settings.lr, true)).trace;
        await this.refreshGrid(false);
      });
      if (this.running) requestAnimationFrame(() => void frame());
    };
    void frame();
  }

  /** Stops continuous training after the current frame. */
  pause(): void {
    this.running = false;
    this.emit();
  }

  /** Moves training to backend `id`, handing the parameters over bit for bit. */
  switchBackend(id: string): Promise<void> {
    return this.run(async () => {
      if (!this.trainer || this.trainer.backendId === id) return;
      await this.trainer.switchTo(id);
      this.settings = { ...this.settings, backend: id };
    });
  }

  /** Pushes every output logit far up so A2 rounds to exactly 1, then takes one traced step there. */
  saturate(): Promise<void> {
    this.running = false;
    return this.run(async () => {
      if (!this.trainer) return;
      // Lift the lowest output logit to the saturating value, so that every sample's A2 rounds to 1.
      const z = this.trace?.layers.at(-1)?.z.data ?? [];
      const shift = Math.ceil(Math.max(0, -Math.min(...z))) + saturatingShift(this.settings.dtype);
      await this.trainer.setParams(saturateOutput(await this.trainer.getParams(), shift));
      this.trace = (await this.trainer.step(this.settings.lr, true)).trace;
      this.saturated = true;
      await this.refreshGrid(true);
    });
  }

  /** The latest switch, if any. */
  get lastSwitch(): SwitchRecord | undefined {
    return this.trainer?.switches.at(-1);
  }

  private async refreshGrid(force: boolean): Promise<void> {
    const now = performance.now();
    if (!this.trainer || (!force && now - this.lastGrid < 250)) return;
    this.lastGrid = now;
    const { dataset } = this;
    const { dtype } = this.settings;
    if (this.gridFor?.dataset !== dataset || this.gridFor.dtype !== dtype)
      this.gridFor = { dataset, dtype, inputs: gridInputs(dataset, dtype) };
    const { inputs } = this.gridFor;
    const out: Matrix = await this.trainer.active.forward(inputs.x);
    this.grid = gridOf(inputs, out);
  }

  private async run(task: () => Promise<void>): Promise<void> {
    try {
      await this.queue(task);
      this.error = '';
    } catch (e) {
      this.running = false;
      this.error = e instanceof Error ? e.message : String(e);
    }
    this.emit();
  }

  private emit(): void {
    for (const fn of this.listeners) fn();
  }
}
