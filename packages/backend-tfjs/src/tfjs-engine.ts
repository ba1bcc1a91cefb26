import type { EngineStep, EngineTrain, Matrix, NetworkSpec, Params, SessionEngine } from '@onegrad/core';
import type { Tensor } from '@tensorflow/tfjs-core';
import { onTfBackend } from './engine-lock.js';
import { kernelsOf, type NetworkKernels, type TfjsKernelContext } from './kernels.js';
import type { Tf } from './load-tfjs.js';
import type { TfjsBackendName } from './options.js';
import { MAX_CALL_BYTES } from './options.js';
import { readParams, readValues } from './read-trace.js';
import {
  COSTED,
  costsOf,
  costsTogether,
  DEFERRED,
  finiteProbe,
  forwardTensors,
  type LayerTensors,
  type OutputTensors,
  PROBED,
  paramsFinite,
  type StepInputs,
  type StepTensors,
  stepInputs,
  stepTensors,
  TRACED,
  TRACED_PROBED,
} from './step.js';
import { toMatrix, toRowTensor, toTensor } from './tensors.js';
import { assertFits } from './wasm-capacity.js';

/**
 * Steps of a run between two probes of its parameters. Between steps a run holds at most three sets of parameters
 * (before the run, at the chunk's start, the current ones); a chunk with a non-finite step is replayed.
 */
export const PROBE_EVERY = 32;

/**
 * A network held in tensors on one tfjs backend. Every call that computes runs on that backend under
 * the process-wide engine lock; freeing needs no lock, since tfjs frees a tensor on the backend that
 * holds it, whichever backend is active.
 */
export class TfjsEngine implements SessionEngine {
  private params: LayerTensors[] = [];
  private readonly on: TfjsKernelContext;
  private readonly kernels: NetworkKernels;
  /** Whether updates are checked on the host (cpu, wasm) rather than by the probe (on a GPU a read is a sync). */
  private readonly onHost: boolean;

  private constructor(
    private readonly tf: Tf,
    private readonly tfBackend: TfjsBackendName,
    private readonly spec: NetworkSpec,
    private readonly maxCallBytes: number,
  ) {
    this.kernels = kernelsOf(spec, tfBackend);
    this.on = { tf, tfBackend };
    this.onHost = tfBackend === 'cpu' || tfBackend === 'wasm';
  }

  /** An engine holding `params` on `tfBackend`; SpecError, before allocating, where it lacks a kernel. */
  static async create(
    tf: Tf,
    tfBackend: TfjsBackendName,
    spec: NetworkSpec,
    params: Params,
    maxCallBytes = MAX_CALL_BYTES,
  ) {
    const engine = new TfjsEngine(tf, tfBackend, spec, maxCallBytes);
    await engine.writeParams(params);
    return engine;
  }

  forward(x: Matrix): Promise<Matrix> {
    return this.locked(() => {
      const { tf } = this;
      assertFits(tf, this.spec, x.rows, 'forward', this.maxCallBytes, 'x');
      const out = tf.tidy(
        () => forwardTensors(this.on, this.kernels, this.params, toTensor(tf, x)).acts.pop() as Tensor,
      );
      try {
        return toMatrix(out);
      } finally {
        out.dispose();
      }
    });
  }

  step(x: Matrix, y: Matrix, learningRate: number, trace: boolean): Promise<EngineStep> {
    return this.locked(() => {
      const { tf } = this;
      assertFits(tf, this.spec, x.rows, 'step', this.maxCallBytes, 'batch.x');
      const out = tf.tidy(() => {
        const inputs = stepInputs(tf, toTensor(tf, x), toTensor(tf, y), learningRate, false);
        const reads = this.onHost ? (trace ? TRACED : COSTED) : trace ? TRACED_PROBED : PROBED;
        return stepTensors(this.on, this.kernels, this.params, inputs, reads);
      });
      const { updated } = out;
      try {
        const probe = this.costIfFinite(out);
        const finite = Number.isFinite(probe);
        const loss = finite ? probe : ((out.loss as Tensor).dataSync()[0] as number);
        const step: EngineStep = {
          loss,
          finite,
          readUpdate: () => this.locked(() => readParams(updated)),
          // A swap rather than Variable.assign, which registers the tensor with the *active* tfjs
          // backend: core commits after the lock is released, when another backend may be active.
          commit: () => {
            tf.dispose(this.params);
            this.params = updated;
          },
          discard: () => tf.dispose(updated),
        };
        if (out.layers) (step as { layers?: EngineStep['layers'] }).layers = out.layers.map(readValues);
        return step;
      } catch (error) {
        tf.dispose(updated);
        throw error;
      } finally {
        tf.dispose([out.loss, out.probe, out.layers]);
      }
    });
  }

  train(x: Matrix, y: Matrix, learningRate: number, steps: number): Promise<EngineTrain> {
    return this.locked(() => {
      const { tf } = this;
      assertFits(tf, this.spec, x.rows, 'step', this.maxCallBytes, 'batch.x');
      const before = this.params;
      // Made once for the run: the batch, the scalars, and x^T (x is the same every step).
      const inputs = stepInputs(tf, toTensor(tf, x), toTensor(tf, y), learningRate, this.tfBackend !== 'cpu');
      const losses = new Float64Array(steps);
      let current = before;
      let done = 0;
      let stopped = false;
      try {
        while (done < steps && !stopped) {
          const count = Math.min(PROBE_EVERY, steps - done);
          let chunk = this.advance(current, inputs, losses, done, count, false);
          if (!chunk.finite) {
            // Some step of the chunk is not finite: replay it from its start, probing every step, to stop
            // at the first one refused. Steps are deterministic, so the replay computes the same bits.
            if (chunk.params !== current) tf.dispose(chunk.params);
            chunk = this.advance(current, inputs, losses, done, count, true);
            stopped = !chunk.finite;
          }
          if (chunk.params !== current && current !== before) tf.dispose(current);
          current = chunk.params;
          done += chunk.applied;
        }
      } catch (error) {
        if (current !== before) tf.dispose(current);
        throw error;
      } finally {
        tf.dispose(inputs);
      }
      return {
        losses: done === steps ? losses : losses.slice(0, done),
        stopped,
        // A swap, as a step's commit: outside the lock, so no tensor is made here.
        commit: () => {
          if (current === before) return;
          tf.dispose(before);
          this.params = current;
        },
        discard: () => {
          if (current !== before) tf.dispose(current);
        },
      };
    });
  }

  /**
   * Up to `count` untraced steps from `start`, their costs written into `losses` from `at`. With `probeEach`
   * it stops before the first step whose cost or update is not finite. Without, it probes only the last
   * parameters, which are not finite if any update of the chunk was not (SGD keeps an inf or NaN parameter
   * inf or NaN), and reads the costs after the chunk when {@link costsTogether} allows (else after each
   * step, stopping before a non-finite one). Frees every set of parameters it made but the one it
   * returns; on a throw, every one.
   */
  private advance(
    start: LayerTensors[],
    inputs: StepInputs,
    losses: Float64Array,
    at: number,
    count: number,
    probeEach: boolean,
  ): { params: LayerTensors[]; applied: number; finite: boolean } {
    const { tf } = this;
    const together = !probeEach && costsTogether(inputs.y);
    const reads = together ? DEFERRED : probeEach && !this.onHost ? PROBED : COSTED;
    const outputs: OutputTensors[] = [];
    let params = start;
    let applied = 0;
    try {
      while (applied < count) {
        // One tidy per step: the intermediates of a step are freed as soon as it is done.
        const out = tf.tidy(() => stepTensors(this.on, this.kernels, params, inputs, reads));
        let value = 0;
        if (out.output) outputs.push(out.output);
        else {
          value = Number.NaN;
          try {
            value = probeEach ? this.costIfFinite(out) : ((out.loss as Tensor).dataSync()[0] as number);
          } finally {
            tf.dispose([out.loss, out.probe]);
            if (!Number.isFinite(value)) tf.dispose(out.updated);
          }
          if (!Number.isFinite(value)) return { params, applied, finite: false };
        }
        if (params !== start) tf.dispose(params);
        params = out.updated;
        losses[at + applied++] = value;
      }
      if (probeEach || params === start) return { params, applied, finite: true };
      let finite = true;
      if (together) {
        const costs = tf.tidy(() => costsOf(this.on, this.kernels, outputs, inputs.y, inputs.m));
        try {
          const values = costs.dataSync();
          for (let k = 0; k < applied; k++) losses[at + k] = values[k] as number;
          finite = values.every(Number.isFinite);
        } finally {
          costs.dispose();
        }
      }
      if (!finite || this.onHost) return { params, applied, finite: finite && paramsFinite(params) };
      const probe = tf.tidy(() => finiteProbe(tf, undefined, params));
      let value = Number.NaN;
      try {
        value = probe.dataSync()[0] as number;
      } finally {
        probe.dispose();
      }
      return { params, applied, finite: Number.isFinite(value) };
    } catch (error) {
      if (params !== start) tf.dispose(params);
      throw error;
    } finally {
      tf.dispose(outputs);
    }
  }

  /**
   * A step's cost when it and its update are finite, else NaN: the probe's one read (the cost plus zeros,
   * so the cost itself, bit for bit, whenever it is finite), or on the host the cost and a pass over the
   * updated values.
   */
  private costIfFinite(out: StepTensors): number {
    if (out.probe) return out.probe.dataSync()[0] as number;
    const cost = (out.loss as Tensor).dataSync()[0] as number;
    return Number.isFinite(cost) && paramsFinite(out.updated) ? cost : Number.NaN;
  }

  readParams(): Promise<Params> {
    return this.locked(() => readParams(this.params));
  }

  writeParams(params: Params): Promise<void> {
    return this.locked(() => {
      const { tf } = this;
      // tidy frees the tensors made so far if one fails; the ones returned survive it.
      const next = tf.tidy(() => params.map((p) => ({ W: toTensor(tf, p.W), b: toRowTensor(tf, p.b) })));
      tf.dispose(this.params);
      this.params = next;
    });
  }

  release(): void {
    this.tf.dispose(this.params);
  }

  /** Runs `compute` on this engine's tfjs backend, after every earlier call of every tfjs engine. */
  private locked<R>(compute: () => R): Promise<R> {
    return onTfBackend(this.tf, this.tfBackend, compute);
  }
}
