import type { Batch, Matrix, NetworkSpec, Params, StepResult } from '@onegrad/core';
import type { TracedStep } from '../lib/traced-step.js';
import type { LossPoint, SwitchRecord } from '../lib/trainer.js';
import type { EngineCalls, EngineReply, EngineRequest, RunState } from './engine-protocol.js';
import type { TrainerLike } from './trainer-like.js';

/** Calls into the engine worker; each call resolves with the worker's answer or rejects with its error. */
export class EngineClient {
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private next = 1;

  constructor(private readonly worker: Worker) {
    worker.onmessage = (e: MessageEvent<EngineReply>) => {
      const reply = e.data;
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (reply.ok) waiting.resolve(reply.value);
      else {
        const error = new Error(reply.message);
        error.name = reply.name;
        waiting.reject(error);
      }
    };
    worker.onerror = (e) => {
      const error = new Error(`the engine worker failed: ${e.message}`);
      for (const w of this.pending.values()) w.reject(error);
      this.pending.clear();
    };
  }

  /** Calls `method` in the worker. Typed arrays are copied (structured clone), so no memory is shared. */
  call<K extends keyof EngineCalls>(
    method: K,
    ...args: Parameters<EngineCalls[K]>
  ): Promise<ReturnType<EngineCalls[K]>> {
    const id = this.next++;
    const request: EngineRequest = { id, method, args };
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage(request);
    });
  }

  /** Ends the worker; pending calls reject. */
  terminate(): void {
    this.worker.terminate();
    for (const w of this.pending.values()) w.reject(new Error('the engine worker was terminated'));
    this.pending.clear();
  }
}

/** A training run in the engine worker, mirrored here after every call: the page reads it like a Trainer. */
export class RemoteTrainer implements TrainerLike {
  readonly history: LossPoint[] = [];
  switches: readonly SwitchRecord[] = [];
  lastTraced: TracedStep | undefined;
  backendId = '';
  trainRate = 0;
  readonly active: TrainerLike['active'];
  private engine = { name: '', engine: '' };

  private constructor(
    private readonly client: EngineClient,
    private readonly run: number,
    readonly spec: NetworkSpec,
    readonly batch: Batch,
  ) {
    const self = this;
    this.active = {
      get backend() {
        return self.engine;
      },
      forward: (x: Matrix) => client.call('forward', run, x),
    };
  }

  /** Starts training `spec` from `params` on backend `id` in the worker. */
  static async start(client: EngineClient, id: string, spec: NetworkSpec, batch: Batch, params: Params) {
    const state = await client.call('start', id, spec, batch, params);
    const t = new RemoteTrainer(client, state.run, spec, batch);
    t.mirror(state);
    return t;
  }

  get steps(): number {
    return this.history.length;
  }

  async step(learningRate: number, trace = false): Promise<StepResult> {
    const { result, state } = await this.client.call('step', this.run, learningRate, trace);
    this.mirror(state);
    return result;
  }

  async train(learningRate: number, steps: number): Promise<number[]> {
    const { losses, state } = await this.client.call('train', this.run, learningRate, steps);
    this.mirror(state);
    return losses;
  }

  async switchTo(id: string): Promise<SwitchRecord> {
    const { record, state } = await this.client.call('switchTo', this.run, id);
    this.mirror(state);
    return record;
  }

  async setParams(params: Params): Promise<void> {
    this.mirror(await this.client.call('setParams', this.run, params));
  }

  getParams(): Promise<Params> {
    return this.client.call('getParams', this.run);
  }

  /** Steps per second of the current engine on this network, measured in the worker on a copy of the session. */
  measure(learningRate: number, seconds = 1): Promise<number> {
    return this.client.call('measure', this.run, learningRate, seconds);
  }

  dispose(): void {
    void this.client.call('dispose', this.run).catch(() => undefined);
  }

  private mirror(state: RunState): void {
    this.history.length = Math.min(this.history.length, state.historyFrom);
    this.history.push(...state.history);
    this.switches = state.switches;
    if (state.lastTraced) this.lastTraced = state.lastTraced;
    this.backendId = state.backendId;
    this.trainRate = state.trainRate;
    this.engine = state.backend;
  }
}
