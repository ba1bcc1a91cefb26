import { judgeStep } from '@onegrad/conformance/judge';
import {
  type Batch,
  DivergenceError,
  MAX_TRAIN_STEPS,
  type NetworkSpec,
  type Params,
  paramsBitEqual,
  type StepResult,
  type TrainingSession,
} from '@onegrad/core';
import type { BackendPool } from './backend-pool.js';
import type { StepVerdict, TracedStep } from './traced-step.js';

/** The cost of one step and who computed it. */
export interface LossPoint {
  /** 1-based step number. */
  readonly step: number;
  /** Cost J before that step's update. */
  readonly loss: number;
  /** Id of the backend that computed it. */
  readonly backend: string;
}

/** What happened at a backend switch. */
export interface SwitchRecord {
  /** Steps taken before the switch; the next step runs on `to`. */
  readonly step: number;
  /** Backend id before. */
  readonly from: string;
  /** Backend id after. */
  readonly to: string;
  /** True when the new session holds the old parameters bit for bit. */
  readonly bitEqual: boolean;
  /** The first step on `to`, traced and judged against the error model; set once that step ran. */
  firstStep?: TracedStep & StepVerdict;
}

/** One network training on one backend at a time, with its loss history and its switches. */
export class Trainer {
  /** Costs, one per step taken. */
  readonly history: LossPoint[] = [];
  /** Switches, in order. */
  readonly switches: SwitchRecord[] = [];
  /** The latest traced step, with the parameters it started from. */
  lastTraced: TracedStep | undefined;
  /** Steps per second of the last {@link train} call, engine time only (0 before the first). */
  trainRate = 0;

  private constructor(
    private readonly pool: BackendPool,
    readonly spec: NetworkSpec,
    readonly batch: Batch,
    private session: TrainingSession,
    private current: string,
  ) {}

  /** Starts training `spec` from `params` on backend `id`. */
  static async start(pool: BackendPool, id: string, spec: NetworkSpec, batch: Batch, params: Params) {
    const session = await (await pool.get(id)).createSession(spec, params);
    return new Trainer(pool, spec, batch, session, id);
  }

  /** Id of the backend computing now. */
  get backendId(): string {
    return this.current;
  }

  /** The session computing now. */
  get active(): TrainingSession {
    return this.session;
  }

  /** Steps taken so far. */
  get steps(): number {
    return this.history.length;
  }

  /**
   * One full-batch SGD step on the current backend. The first step after a switch is always traced and
   * judged against the error model: that is the check that training goes on where it was.
   */
  async step(learningRate: number, trace = false): Promise<StepResult> {
    const pending = this.switches.at(-1);
    const judge = pending !== undefined && pending.firstStep === undefined;
    const params = trace || judge ? await this.session.getParams() : undefined;
    const result = await this.session.step(this.batch, { learningRate, trace: params !== undefined });
    const step = this.history.length + 1;
    this.history.push({ step, loss: result.loss, backend: this.current });
    if (!params) return result;
    this.lastTraced = { step, backend: this.current, params, learningRate, result };
    if (pending && judge) {
      const { worstRatio, pass } = judgeStep(
        { spec: this.spec, params, batch: this.batch, learningRate },
        result,
      );
      pending.firstStep = { ...this.lastTraced, worstRatio, pass };
    }
    return result;
  }

  /**
   * `steps` untraced full-batch SGD steps on the current backend in one engine call; the costs, one per
   * step. A run the engine stops at a non-finite step keeps the steps before it and rethrows.
   */
  async train(learningRate: number, steps: number): Promise<number[]> {
    const losses: number[] = [];
    let left = steps;
    const pending = this.switches.at(-1);
    // The first step after a switch is traced and judged on its own.
    if (left > 0 && pending !== undefined && pending.firstStep === undefined) {
      losses.push((await this.step(learningRate, false)).loss);
      left--;
    }
    if (left <= 0) return losses;
    const start = performance.now();
    const record = (run: Float64Array): void => {
      for (const loss of run) {
        this.history.push({ step: this.history.length + 1, loss, backend: this.current });
        losses.push(loss);
      }
    };
    try {
      record((await this.session.train(this.batch, { learningRate, steps: left })).losses);
    } catch (error) {
      if (error instanceof DivergenceError) record(error.losses);
      throw error;
    }
    const seconds = (performance.now() - start) / 1000;
    if (seconds > 0) this.trainRate = left / seconds;
    return losses;
  }

  /**
   * Steps per second of the current engine on this network, timed for about `seconds` on a copy of the
   * session made from the current parameters: the training itself is untouched.
   */
  async measure(learningRate: number, seconds = 1): Promise<number> {
    const copy = await (await this.pool.get(this.current)).createSession(
      this.spec,
      await this.session.getParams(),
    );
    try {
      // A few steps first: an engine's first calls compile and allocate.
      for (let k = 0; k < 5; k++) await copy.step(this.batch, { learningRate });
      // Timed as the page trains: many steps per engine call, calls of at least 50 ms.
      let steps = 0;
      let chunk = 1;
      const start = performance.now();
      while (performance.now() - start < seconds * 1000) {
        const t = performance.now();
        await copy.train(this.batch, { learningRate, steps: chunk });
        steps += chunk;
        if (performance.now() - t < 50) chunk = Math.min(2 * chunk, MAX_TRAIN_STEPS);
      }
      return steps / ((performance.now() - start) / 1000);
    } finally {
      copy.dispose();
    }
  }

  /**
   * Moves training to backend `id` with the parameters bit for bit. When anything fails on the way, the
   * new session is released and training stays where it was.
   */
  async switchTo(id: string): Promise<SwitchRecord> {
    const params = await this.session.getParams();
    const next = await (await this.pool.get(id)).createSession(this.spec, params);
    let record: SwitchRecord;
    try {
      // The new engine runs the handed-over network once, so one that cannot compute fails before the move.
      await next.forward(this.batch.x);
      record = {
        step: this.steps,
        from: this.current,
        to: id,
        bitEqual: paramsBitEqual(await next.getParams(), params),
      };
    } catch (e) {
      next.dispose();
      throw e;
    }
    const old = this.session;
    this.session = next;
    this.current = id;
    old.dispose();
    this.switches.push(record);
    return record;
  }

  /** Replaces the parameters of the current session (e.g. to saturate the output). */
  setParams(params: Params): Promise<void> {
    return this.session.setParams(params);
  }

  /** A copy of the current parameters. */
  getParams(): Promise<Params> {
    return this.session.getParams();
  }

  /** Releases the current session (the pool keeps the backends). */
  dispose(): void {
    this.session.dispose();
  }
}
