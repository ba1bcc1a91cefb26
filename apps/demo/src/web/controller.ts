import {
  type ActivationName,
  type DType,
  decodeParamsFile,
  encodeParamsFile,
  initParams,
  type Matrix,
  type NetworkSpec,
  type Params,
  type StepTrace,
  serialQueue,
  validateSpec,
} from '@onegrad/core';
import type { BackendPool } from '../lib/backend-pool.js';
import { classesOf, type Dataset, makeDataset, toBatch } from '../lib/datasets.js';
import { saturateOutput } from '../lib/saturate.js';
import { saturatingShift } from '../lib/seed-lines.js';
import { type LossPoint, type SwitchRecord, Trainer } from '../lib/trainer.js';
import { type BoundaryGrid, type GridInputs, gridInputs, gridOf } from './boundary-grid.js';
import { DEFAULT_SETTINGS, normalised, type Settings, structuralChanges } from './settings.js';
import type { StartTrainer, TrainerLike } from './trainer-like.js';

/** A training run the page keeps after it started a new network: drawn grey in the cost chart. */
export interface PastRun {
  /** What the run trained, e.g. `seed 2-2-1 bce float32`. */
  readonly label: string;
  /** Its costs, one per step. */
  readonly history: readonly LossPoint[];
  /** Its backend switches. */
  readonly switches: readonly SwitchRecord[];
}

/** One loss's run in the saturation lesson: the same saturated parameters, trained for a fixed number of steps. */
export interface LessonRun {
  /** The loss trained. */
  readonly loss: 'bce' | 'mse';
  /** Costs, one per step, the first from the saturated start. */
  readonly costs: number[];
}

/** The saturation lesson: both losses trained from the saturated parameters, side by side. */
export interface SaturationLesson {
  /** Steps each loss trains. */
  readonly steps: number;
  /** The runs, BCE first; a run is appended to while it trains. */
  readonly runs: LessonRun[];
  /** True once both runs finished. */
  done: boolean;
}

/** The spec the settings describe for `dataset`: sigmoid everywhere is written without `activations`. */
export function specOf(s: Settings, dataset: Dataset): NetworkSpec {
  const outputs = s.output === 'softmax' ? Math.max(2, dataset.classes) : 1;
  const sizes = [2, ...s.hidden, outputs];
  const activations: ActivationName[] = [...s.hidden.map(() => s.hiddenActivation), s.output];
  const plain = activations.every((a) => a === 'sigmoid');
  return plain
    ? { sizes, loss: s.loss, dtype: s.dtype }
    : { sizes, loss: s.loss, dtype: s.dtype, activations };
}

/** Holds the network being trained and drives it; components read it and re-render on `subscribe`. */
export class DemoController {
  settings: Settings;
  dataset: Dataset;
  trainer: TrainerLike | undefined;
  trace: StepTrace | undefined;
  grid: BoundaryGrid | undefined;
  running = false;
  /** True while the output was pushed into saturation and no plain step was taken since. */
  saturated = false;
  /** The parameters right after "Saturate A2", for the lesson that trains both losses from them. */
  saturatedParams: Params | undefined;
  /** The saturation lesson, once started. */
  lesson: SaturationLesson | undefined;
  /** Runs replaced by a new network, newest last (at most {@link KEPT_RUNS}). */
  runs: readonly PastRun[] = [];
  /** Non-empty while an engine loads or a long task runs: what the page is waiting for. */
  busy = '';
  /** The last thing the page wants the learner to know (e.g. why training restarted). */
  notice = '';
  error = '';
  /** Steps per second measured by {@link measureRate}, per backend id, on the network named by `spec`. */
  readonly rates = new Map<string, { spec: string; stepsPerSecond: number }>();
  private readonly queue = serialQueue();
  private readonly listeners = new Set<() => void>();
  private lastGrid = 0;
  /** The grid's inputs for the dataset and dtype they were built for (they change only with those). */
  private gridFor: { dataset: Dataset; dtype: DType; inputs: GridInputs } | undefined;
  /** Points added or removed on the plane since the dataset was drawn. */
  private edited: Dataset | undefined;

  /**
   * `pool` describes the engines (and serves the page's own checks); `start` makes a training run, by
   * default a {@link Trainer} on `pool` in this thread; the page passes runs in its engine worker.
   */
  constructor(
    readonly pool: BackendPool,
    initial: Settings = DEFAULT_SETTINGS,
    private readonly start: StartTrainer = (id, spec, batch, params) =>
      Trainer.start(pool, id, spec, batch, params),
  ) {
    this.settings = normalised(initial);
    this.dataset = makeDataset(initial.dataset, initial.randomSeed);
  }

  /** Calls `fn` after every change; returns the unsubscribe function. */
  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** The network spec of the current settings. */
  get spec(): NetworkSpec {
    return specOf(this.settings, this.dataset);
  }

  /**
   * Applies new settings. A structural change (dataset, random seed, loss, dtype, sizes, activations)
   * starts a new network; the run so far is kept in the chart and the notice says so. Settings that make
   * no valid network are refused with the reason, and nothing changes.
   */
  update(next: Partial<Settings>): Promise<void> {
    let merged: Settings = { ...this.settings, ...next };
    if (!this.pool.choice(merged.backend).dtypes.includes(merged.dtype))
      merged = { ...merged, backend: 'ts' };
    const changed = structuralChanges(this.settings, merged);
    try {
      const classes = classesOf(merged.dataset);
      if (classes > 2 && merged.output !== 'softmax')
        throw new RangeError(
          `${merged.dataset} has ${classes} classes: the output needs one unit per class, a softmax (${merged.output} gives one unit)`,
        );
      validateSpec(specOf(merged, makeDataset(merged.dataset, merged.randomSeed)));
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
      this.emit();
      return Promise.resolve();
    }
    const move = merged.backend !== this.trainer?.backendId;
    if (merged.dataset !== this.settings.dataset || merged.randomSeed !== this.settings.randomSeed)
      this.edited = undefined;
    this.settings = merged;
    this.error = '';
    if (changed.length > 0 || !this.trainer) {
      return this.reset(changed.length ? `Changed the ${changed.join(' and the ')}` : '');
    }
    if (move) return this.switchBackend(merged.backend);
    this.emit();
    return Promise.resolve();
  }

  /**
   * Starts over from `initParams(spec, randomSeed)` (or `params`) on the chosen backend. A run of more
   * than its first step is kept in the chart, and the notice (`why`) says that training restarted.
   */
  reset(why = 'Reset', params?: Params): Promise<void> {
    this.running = false;
    return this.run(async () => {
      const old = this.trainer;
      if (old && old.steps > 1) {
        const kept = { label: this.labelOf(old.spec), history: old.history, switches: old.switches };
        this.runs = [...this.runs, kept].slice(-KEPT_RUNS);
        this.notice = `${why}: a new network started at step 1. The previous run (${old.steps} steps) is kept in the cost chart as a grey line.`;
      } else if (why !== 'Reset' && why !== '') {
        this.notice = `${why}: a new network started at step 1.`;
      }
      old?.dispose();
      this.trainer = undefined;
      this.trace = undefined;
      this.saturated = false;
      this.saturatedParams = undefined;
      const drawn = makeDataset(this.settings.dataset, this.settings.randomSeed);
      this.dataset = this.edited?.name === drawn.name ? this.edited : drawn;
      const spec = this.spec;
      const batch = toBatch(this.dataset, spec.dtype, this.settings.output === 'softmax');
      await this.loading(this.settings.backend, async () => {
        this.trainer = await this.start(
          this.settings.backend,
          spec,
          batch,
          params ?? initParams(spec, this.settings.randomSeed),
        );
      });
      const trainer = this.trainer as TrainerLike | undefined;
      if (!trainer) return;
      this.trace = (await trainer.step(this.settings.lr, true)).trace;
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
    if (this.running || this.busy) return;
    this.running = true;
    this.saturated = false;
    this.emit();
    const frame = async () => {
      if (!this.running || !this.trainer) return;
      await this.run(async () => {
        const trainer = this.trainer;
        if (!trainer) return;
        // At most `speed` steps and about 14 ms of the engine's time per frame, so that a slow engine
        // still shows progress every frame and a pause takes effect at once.
        const untraced = Math.min(
          this.settings.speed - 1,
          Math.max(1, Math.floor(trainer.trainRate * 0.014)),
        );
        await trainer.train(this.settings.lr, untraced);
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
      const trainer = this.trainer;
      if (!trainer || trainer.backendId === id) return;
      await this.loading(id, () => trainer.switchTo(id));
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
      const params = saturateOutput(await this.trainer.getParams(), shift);
      await this.trainer.setParams(params);
      this.saturatedParams = params;
      this.lesson = undefined;
      this.trace = (await this.trainer.step(this.settings.lr, true)).trace;
      this.saturated = true;
      await this.refreshGrid(true);
    });
  }

  /**
   * The saturation lesson: trains the saturated parameters for `steps` steps with BCE and with squared
   * error (sigmoid output), each in a session of its own on the current backend. The training on the page
   * is left as it is, and both runs are kept.
   */
  runSaturationLesson(steps = 600): Promise<void> {
    const from = this.saturatedParams;
    const trainer = this.trainer;
    if (!from || !trainer || this.settings.output !== 'sigmoid') return Promise.resolve();
    this.running = false;
    const lesson: SaturationLesson = { steps, runs: [], done: false };
    this.lesson = lesson;
    this.emit();
    return this.run(async () => {
      for (const loss of ['bce', 'mse'] as const) {
        const spec: NetworkSpec = { ...trainer.spec, loss };
        const run: LessonRun = { loss, costs: [] };
        lesson.runs.push(run);
        const side = await this.start(trainer.backendId, spec, trainer.batch, from);
        try {
          while (run.costs.length < steps) {
            run.costs.push(...(await side.train(this.settings.lr, Math.min(50, steps - run.costs.length))));
            this.emit();
            await new Promise((r) => setTimeout(r, 0));
          }
        } finally {
          side.dispose();
        }
      }
      lesson.done = true;
    });
  }

  /** The current parameters as core's params file (the text `decodeParamsFile` reads, in Node too). */
  async exportParams(): Promise<string> {
    const t = this.trainer;
    if (!t) throw new Error('no network yet');
    return encodeParamsFile(t.spec, await t.getParams());
  }

  /**
   * Loads a params file: its sizes, loss and dtype become the settings and training restarts from its
   * parameters bit for bit (the run so far is kept). A file core refuses changes nothing; the error names why.
   */
  importParams(text: string): Promise<void> {
    let file: { spec: NetworkSpec; params: Params };
    try {
      file = decodeParamsFile(text);
      const outputs = file.spec.sizes.at(-1) ?? 1;
      const classes = this.dataset.classes;
      if (file.spec.sizes[0] !== 2 || (outputs !== 1 && outputs !== Math.max(2, classes)))
        throw new RangeError(
          `the file's network is [${file.spec.sizes.join(', ')}]: the page trains 2 inputs and 1 output (or one per class of ${this.dataset.name})`,
        );
    } catch (e) {
      this.error = `import: ${e instanceof Error ? e.message : String(e)}`;
      this.emit();
      return Promise.resolve();
    }
    const { spec, params } = file;
    const acts = spec.activations;
    this.settings = {
      ...this.settings,
      hidden: spec.sizes.slice(1, -1),
      loss: spec.loss,
      dtype: spec.dtype,
      hiddenActivation: (acts?.[0] ?? this.settings.hiddenActivation) as Settings['hiddenActivation'],
      output: (acts?.at(-1) ?? this.settings.output) as Settings['output'],
      backend: this.pool.choice(this.settings.backend).dtypes.includes(spec.dtype)
        ? this.settings.backend
        : 'ts',
    };
    this.error = '';
    return this.reset('Imported parameters', params);
  }

  /**
   * Adds a point of class `label` at (x1, x2), or removes the point within `radius` of it when there is
   * one; training restarts on the edited points (the run so far is kept).
   */
  editPoint(x1: number, x2: number, label: number, radius: number): Promise<void> {
    const d = this.dataset;
    const near = d.points.findIndex(([px, py]) => Math.hypot(px - x1, py - x2) <= radius);
    const points = [...d.points];
    const labels = [...d.labels];
    if (near >= 0) {
      if (points.length <= 1) return Promise.resolve();
      points.splice(near, 1);
      labels.splice(near, 1);
    } else {
      points.push([x1, x2]);
      labels.push(Math.min(label, d.classes - 1));
    }
    this.edited = { ...d, points, labels };
    return this.reset(near >= 0 ? 'Removed a point' : 'Added a point');
  }

  /** Forgets the points added or removed on the plane and draws the dataset again. */
  redraw(): Promise<void> {
    this.edited = undefined;
    return this.reset('Drew the dataset again');
  }

  /** Resolves once every call queued so far (steps, switches, resets, imports) has finished. */
  idle(): Promise<void> {
    return this.queue(async () => {});
  }

  /**
   * Measures the current engine's steps per second on this network (about a second, on a copy of the
   * session: training is untouched) and keeps the figure in {@link rates}.
   */
  measureRate(): Promise<void> {
    this.running = false;
    return this.run(async () => {
      const t = this.trainer;
      if (!t) return;
      this.busy = `measuring ${this.pool.choice(t.backendId).label}…`;
      this.emit();
      try {
        const stepsPerSecond = await t.measure(this.settings.lr, 1);
        this.rates.set(t.backendId, { spec: this.labelOf(t.spec), stepsPerSecond });
      } finally {
        this.busy = '';
      }
    });
  }

  /** The latest switch, if any. */
  get lastSwitch(): SwitchRecord | undefined {
    return this.trainer?.switches.at(-1);
  }

  /** A short name of a network, e.g. `seed 2-2-1 bce float32`. */
  labelOf(spec: NetworkSpec): string {
    const acts = spec.activations ? ` ${[...new Set(spec.activations)].join('/')}` : '';
    return `${this.dataset.name} ${spec.sizes.join('-')}${acts} ${spec.loss} ${spec.dtype}`;
  }

  private async loading<T>(id: string, task: () => Promise<T>): Promise<T> {
    this.busy = `loading ${this.pool.choice(id).label}…`;
    this.emit();
    try {
      return await task();
    } finally {
      this.busy = '';
    }
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

/** How many replaced runs the chart keeps. */
export const KEPT_RUNS = 3;
