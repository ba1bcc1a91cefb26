import type { EngineStep, EngineTrain, Matrix, NetworkSpec, Params, SessionEngine } from '@onegrad/core';
import type { Tensor } from '@tensorflow/tfjs-core';
import { onTfBackend } from './engine-lock.js';
import { kernelsOf, type NetworkKernels, type TfjsKernelContext } from './kernels.js';
import type { Tf } from './load-tfjs.js';
import type { TfjsBackendName } from './options.js';
import { MAX_CALL_BYTES } from './options.js';
import { readParams, readValues } from './read-trace.js';
import { forwardTensors, type LayerTensors, stepTensors } from './step.js';
import { toMatrix, toTensor } from './tensors.js';
import { assertFits } from './wasm-capacity.js';

/**
 * A network held in tensors on one tfjs backend. Every call that computes runs on that backend under
 * the process-wide engine lock; freeing needs no lock, since tfjs frees a tensor on the backend that
 * holds it, whichever backend is active.
 */
export class TfjsEngine implements SessionEngine {
  private params: LayerTensors[] = [];
  private readonly on: TfjsKernelContext;
  private readonly kernels: NetworkKernels;

  private constructor(
    private readonly tf: Tf,
    private readonly tfBackend: TfjsBackendName,
    private readonly spec: NetworkSpec,
    private readonly maxCallBytes: number,
  ) {
    this.kernels = kernelsOf(spec, tfBackend);
    this.on = { tf, tfBackend };
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
      const { updated, ...read } = tf.tidy(() =>
        stepTensors(
          this.on,
          this.kernels,
          this.params,
          toTensor(tf, x),
          toTensor(tf, y),
          learningRate,
          trace,
        ),
      );
      try {
        const probe = read.probe.dataSync()[0] as number;
        const finite = Number.isFinite(probe);
        const layers = read.layers?.map(readValues);
        return {
          // The probe is the cost plus zeros: the cost itself, bit for bit, whenever it is finite.
          loss: finite ? probe : (read.loss.dataSync()[0] as number),
          finite,
          ...(layers ? { layers } : {}),
          readUpdate: () => this.locked(() => readParams(updated)),
          // A swap rather than Variable.assign, which registers the tensor with the *active* tfjs
          // backend: core commits after the lock is released, when another backend may be active.
          commit: () => {
            tf.dispose(this.params);
            this.params = updated;
          },
          discard: () => tf.dispose(updated),
        };
      } catch (error) {
        tf.dispose(updated);
        throw error;
      } finally {
        tf.dispose(read);
      }
    });
  }

  train(x: Matrix, y: Matrix, learningRate: number, steps: number): Promise<EngineTrain> {
    return this.locked(() => {
      const { tf } = this;
      assertFits(tf, this.spec, x.rows, 'step', this.maxCallBytes, 'batch.x');
      const before = this.params;
      const xs = toTensor(tf, x);
      const ys = toTensor(tf, y);
      const losses = new Float64Array(steps);
      let current = before;
      let done = 0;
      const drop = () => {
        if (current !== before) tf.dispose(current);
      };
      try {
        while (done < steps) {
          // One tidy per step: a run holds two sets of parameters, whatever its length.
          const { updated, ...read } = tf.tidy(() =>
            stepTensors(this.on, this.kernels, current, xs, ys, learningRate, false),
          );
          let probe = Number.NaN;
          try {
            probe = read.probe.dataSync()[0] as number;
          } finally {
            tf.dispose(read);
            if (!Number.isFinite(probe)) tf.dispose(updated);
          }
          if (!Number.isFinite(probe)) break;
          drop();
          current = updated;
          losses[done++] = probe;
        }
      } catch (error) {
        drop();
        throw error;
      } finally {
        tf.dispose([xs, ys]);
      }
      return {
        losses: done === steps ? losses : losses.slice(0, done),
        stopped: done < steps,
        // A swap, as a step's commit: outside the lock, so no tensor is made here.
        commit: () => {
          if (current === before) return;
          tf.dispose(before);
          this.params = current;
        },
        discard: drop,
      };
    });
  }

  readParams(): Promise<Params> {
    return this.locked(() => readParams(this.params));
  }

  writeParams(params: Params): Promise<void> {
    return this.locked(() => {
      const { tf } = this;
      // tidy frees the tensors made so far if one fails; the ones returned survive it.
      const next = tf.tidy(() => params.map((p) => ({ W: toTensor(tf, p.W), b: toTensor(tf, p.b) })));
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
