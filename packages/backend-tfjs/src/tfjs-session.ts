import {
  type BackendInfo,
  type Batch,
  chanceCost,
  DisposedError,
  type Loss,
  LossWatch,
  type Matrix,
  type NetworkSpec,
  type Params,
  type StepOptions,
  type StepResult,
  type TrainingSession,
  validateBatch,
  validateInput,
  validateParams,
  validateStepOptions,
} from '@onegrad/core';
import type { Tensor, Variable } from '@tensorflow/tfjs';
import { onTfBackend } from './engine-lock.js';
import type { Tf } from './load-tfjs.js';
import { tfjsLoss } from './losses.js';
import type { TfjsBackendName } from './options.js';
import { readLossOrDiverge, readParams, readTrace } from './read-trace.js';
import { forwardTensors, stepTensors } from './step.js';
import { toMatrix, toTensor } from './tensors.js';

/** A network held in tfjs variables on one tfjs backend. */
export class TfjsSession implements TrainingSession {
  private readonly vars: { readonly W: Variable; readonly b: Variable }[];
  private readonly loss: Loss<Tensor>;
  private disposed = false;
  private readonly watch: LossWatch;

  /** Takes `params` already validated against `spec`; call it with `tfBackend` active. */
  constructor(
    private readonly tf: Tf,
    private readonly tfBackend: TfjsBackendName,
    readonly spec: NetworkSpec,
    readonly backend: BackendInfo,
    params: Params,
    private readonly onDispose: (session: TfjsSession) => void = () => undefined,
  ) {
    // tidy releases the initial tensors; the variables (which tidy never disposes) keep their storage.
    this.vars = tf.tidy(() =>
      params.map((p) => ({ W: tf.variable(toTensor(tf, p.W)), b: tf.variable(toTensor(tf, p.b)) })),
    );
    this.loss = tfjsLoss(tf, spec.loss);
    this.watch = new LossWatch(chanceCost(spec));
  }

  forward(x: Matrix): Promise<Matrix> {
    return this.run(() => {
      validateInput(this.spec, x);
      const out = this.tf.tidy(() => {
        const { acts } = forwardTensors(this.tf, this.vars, toTensor(this.tf, x));
        return acts[acts.length - 1] as Tensor;
      });
      try {
        return toMatrix(out);
      } finally {
        out.dispose();
      }
    });
  }

  step(batch: Batch, options: StepOptions): Promise<StepResult> {
    return this.run(() => {
      validateBatch(this.spec, batch);
      validateStepOptions(options, 'options', this.spec.dtype);
      const trace = options.trace === true;
      const { tf } = this;
      const out = tf.tidy(() =>
        stepTensors(
          tf,
          this.loss,
          this.vars,
          toTensor(tf, batch.x),
          toTensor(tf, batch.y),
          options.learningRate,
          trace,
        ),
      );
      try {
        const loss = readLossOrDiverge(out);
        const traced = trace ? readTrace(out, loss, this.loss.fused) : undefined;
        // assign() makes each variable share the new tensor's storage, so disposing `out` keeps it.
        out.updated.forEach((p, l) => {
          this.vars[l]?.W.assign(p.W);
          this.vars[l]?.b.assign(p.b);
        });
        const diverging = this.watch.observe(loss);
        return traced ? { loss, diverging, trace: traced } : { loss, diverging };
      } finally {
        tf.dispose(out);
      }
    });
  }

  getParams(): Promise<Params> {
    return this.run(() => readParams(this.vars));
  }

  setParams(params: Params): Promise<void> {
    return this.run(() => {
      const checked = validateParams(this.spec, params);
      this.tf.tidy(() =>
        checked.forEach((p, l) => {
          this.vars[l]?.W.assign(toTensor(this.tf, p.W));
          this.vars[l]?.b.assign(toTensor(this.tf, p.b));
        }),
      );
      this.watch.reset();
    });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    // Tensors are released on the backend that holds them, whichever tfjs backend is active now.
    for (const p of this.vars) this.tf.dispose([p.W, p.b]);
    this.onDispose(this);
  }

  /** Runs `compute` on this session's tfjs backend, in call order, unless the session is disposed. */
  private run<R>(compute: () => R): Promise<R> {
    return onTfBackend(this.tf, this.tfBackend, () => {
      if (this.disposed) throw new DisposedError('session', `the ${this.backend.name} session was disposed`);
      return compute();
    });
  }
}
