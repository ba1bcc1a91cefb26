import {
  type Batch,
  type NetworkSpec,
  type Params,
  paramsBitEqual,
  type StepResult,
  type TrainingSession,
} from '@onegrad/core';
import type { BackendPool } from './backend-pool.js';
import { worstRatio } from './error-bound.js';

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
  /** Worst ratio (see error-bound.ts) between both backends' outputs A_L at the handed-over parameters. */
  readonly outputRatio: number;
}

/** One network training on one backend at a time, with its loss history and its switches. */
export class Trainer {
  /** Costs, one per step taken. */
  readonly history: LossPoint[] = [];
  /** Switches, in order. */
  readonly switches: SwitchRecord[] = [];

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

  /** One full-batch SGD step on the current backend. */
  async step(learningRate: number, trace = false): Promise<StepResult> {
    const result = await this.session.step(this.batch, { learningRate, trace });
    this.history.push({ step: this.history.length + 1, loss: result.loss, backend: this.current });
    return result;
  }

  /** Moves training to backend `id`: the parameters go over bit for bit and both outputs are compared. */
  async switchTo(id: string): Promise<SwitchRecord> {
    const old = this.session;
    const params = await old.getParams();
    const next = await (await this.pool.get(id)).createSession(this.spec, params);
    const bitEqual = paramsBitEqual(await next.getParams(), params);
    const [before, after] = await Promise.all([old.forward(this.batch.x), next.forward(this.batch.x)]);
    const record: SwitchRecord = {
      step: this.steps,
      from: this.current,
      to: id,
      bitEqual,
      outputRatio: worstRatio(after.data, before.data, this.spec.dtype),
    };
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
