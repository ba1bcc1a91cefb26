import type { BackendInfo } from './backend.js';
import type { EngineStep, EngineTrain, SessionEngine } from './engine.js';
import { DisposedError, DivergenceError, OnegradError } from './errors.js';
import { assertFiniteForward, assertFiniteStep, isFiniteCandidate, refusedRunStep } from './finite-step.js';
import { chanceCost, LossWatch } from './loss-watch.js';
import type { Matrix } from './matrix.js';
import { andThen, type MaybePromise } from './maybe-async.js';
import { fusesOutput, type NetworkSpec } from './network-spec.js';
import { type Params, validateParams } from './params.js';
import { TRACE_KEYS } from './quantity.js';
import { serialQueue } from './serial-queue.js';
import type {
  Batch,
  StepOptions,
  StepResult,
  TrainingSession,
  TrainOptions,
  TrainResult,
} from './session.js';
import { loopSteps } from './step-loop.js';
import { type LayerTrace, nonFiniteIndices, type StepTrace } from './trace.js';
import { snapshotTrainOptions } from './train-options.js';
import { snapshotBatch, snapshotInput, snapshotStepOptions } from './validate-step.js';

/**
 * The one TrainingSession every backend shares, over an engine's {@link SessionEngine}. Each call reads
 * and validates its inputs once, when it is made, into private copies; then it waits its turn. A step
 * whose cost or update is not finite is refused with DivergenceError and the engine's candidate is
 * discarded, so the parameters stay bit-identical; a committed step feeds the loss watch.
 */
export class CoreSession implements TrainingSession {
  private readonly queue = serialQueue();
  private readonly watch: LossWatch;
  private readonly fused: boolean;
  private disposed = false;
  /** Settles once the engine has released the session, after the call running at dispose time. */
  released: Promise<void> = Promise.resolve();

  constructor(
    readonly spec: NetworkSpec,
    readonly backend: BackendInfo,
    private readonly engine: SessionEngine,
    private readonly onDispose: (session: CoreSession) => void = () => undefined,
  ) {
    this.watch = new LossWatch(chanceCost(spec));
    this.fused = fusesOutput(spec);
  }

  forward(x: Matrix): Promise<Matrix> {
    return this.call(
      () => snapshotInput(this.spec, x),
      (input) => andThen(this.engine.forward(input), (a) => assertFiniteForward(a)),
    );
  }

  step(batch: Batch, options: StepOptions): Promise<StepResult> {
    return this.call(
      () => {
        // Fields named, not spread: in Node 20 a second spread in a literal is a runtime call that
        // took three quarters of a seed-net step.
        const { x, y } = snapshotBatch(this.spec, batch);
        const { learningRate, trace } = snapshotStepOptions(options, 'options', this.spec.dtype);
        return { x, y, learningRate, trace };
      },
      ({ x, y, learningRate, trace }) =>
        andThen(this.engine.step(x, y, learningRate, trace), (out) => this.settle(out, trace)),
    );
  }

  train(batch: Batch, options: TrainOptions): Promise<TrainResult> {
    return this.call(
      () => {
        const { x, y } = snapshotBatch(this.spec, batch);
        const { learningRate, steps } = snapshotTrainOptions(options, 'options', this.spec.dtype);
        return { x, y, learningRate, steps };
      },
      async ({ x, y, learningRate, steps }) => {
        const run = this.engine.train
          ? await this.engine.train(x, y, learningRate, steps)
          : await loopSteps(this.engine, x, y, learningRate, steps);
        return this.settleRun(run, x, y, learningRate, steps);
      },
    );
  }

  getParams(): Promise<Params> {
    return this.call(
      () => undefined,
      () => this.engine.readParams(),
    );
  }

  setParams(params: Params): Promise<void> {
    return this.call(
      () => validateParams(this.spec, params),
      async (checked) => {
        await this.engine.writeParams(checked);
        this.watch.reset();
      },
    );
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    // Queued behind the call that is running, so the engine never releases what a call still uses.
    this.released = this.queue(() => this.engine.release()).catch(() => undefined);
    this.onDispose(this);
  }

  /** Commits a finite step or discards it; assembles the trace when asked. */
  private settle(out: EngineStep, traced: boolean): MaybePromise<StepResult> {
    if (traced || !isFiniteCandidate(out)) return this.settleChecked(out, traced);
    const { loss } = out;
    return andThen(out.commit(), () => ({ loss, diverging: this.watch.observe(loss) }));
  }

  /** {@link settle} for a traced step or one to refuse: both read the update first. */
  private async settleChecked(out: EngineStep, traced: boolean): Promise<StepResult> {
    let update: Params | undefined;
    try {
      if (!isFiniteCandidate(out)) {
        assertFiniteStep(out.loss, await out.readUpdate());
        throw new DivergenceError('step', 'the step produced a non-finite value; it was not applied');
      }
      if (traced) update = await out.readUpdate();
    } catch (error) {
      out.discard();
      throw error;
    }
    await out.commit();
    const { loss } = out;
    const diverging = this.watch.observe(loss);
    if (update === undefined) return { loss, diverging };
    return { loss, diverging, trace: this.trace(out, update) };
  }

  /**
   * Commits a run of steps and feeds each cost to the loss watch, as that many `step` calls would. A
   * run that stopped is rejected with DivergenceError naming the refused step: it is taken once more
   * from the committed parameters (engines are deterministic) only to name its non-finite value.
   */
  private async settleRun(
    run: EngineTrain,
    x: Matrix,
    y: Matrix,
    learningRate: number,
    steps: number,
  ): Promise<TrainResult> {
    const { losses, stopped } = run;
    const done = losses.length;
    if (
      done > steps ||
      (!stopped && done !== steps) ||
      (stopped && done === steps) ||
      !losses.every(Number.isFinite)
    ) {
      await run.discard();
      throw new Error(`the ${this.backend.name} engine returned ${done} costs for a run of ${steps} steps`);
    }
    await run.commit();
    let diverging = false;
    for (const loss of losses) diverging = this.watch.observe(loss) || diverging;
    if (!stopped) return { losses, diverging };
    const refused = await this.engine.step(x, y, learningRate, false);
    let reason: OnegradError = new DivergenceError('step', 'the step produced a non-finite value');
    try {
      assertFiniteStep(refused.loss, await refused.readUpdate());
    } catch (error) {
      if (error instanceof OnegradError) reason = error;
    } finally {
      refused.discard();
    }
    throw refusedRunStep(reason, done, steps, losses);
  }

  private trace(out: EngineStep, params: Params): StepTrace {
    const layers = (out.layers ?? []).map((values): LayerTrace => {
      const named = {} as Record<(typeof TRACE_KEYS)[keyof typeof TRACE_KEYS], Matrix>;
      for (const [q, key] of Object.entries(TRACE_KEYS)) named[key] = values[q as keyof typeof TRACE_KEYS];
      return { ...named, dANonFinite: nonFiniteIndices(named.dA) };
    });
    return { layers, loss: out.loss, fusedOutput: this.fused, params };
  }

  /** Reads the inputs now (rejecting, never throwing), then runs on the engine in call order. */
  private call<S, R>(read: () => S, run: (input: S) => MaybePromise<R>): Promise<R> {
    let input: S;
    // Not an async function: returning the queue's promise from one would add two microtask hops.
    try {
      this.assertLive();
      input = read();
    } catch (error) {
      return Promise.reject(error);
    }
    return this.queue(() => {
      this.assertLive();
      return run(input);
    });
  }

  private assertLive(): void {
    if (this.disposed) throw new DisposedError('session', `the ${this.backend.name} session was disposed`);
  }
}
