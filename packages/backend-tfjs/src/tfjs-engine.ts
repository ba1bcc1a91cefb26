import type { EngineStep, Matrix, NetworkSpec, Params, SessionEngine } from '@onegrad/core';
import type { Tensor } from '@tensorflow/tfjs-core';
import { onTfBackend } from './engine-lock.js';
import { kernelsOf, type NetworkKernels, type TfjsKernelContext } from './kernels.js';
import type { Tf } from './load-tfjs.js';
import type { TfjsBackendName } from './options.js';
import { readParams, readValues } from './read-trace.js';
import { forwardTensors, type LayerTensors, stepTensors } from './step.js';
import { toMatrix, toTensor } from './tensors.js';

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
    spec: NetworkSpec,
  ) {
    this.kernels = kernelsOf(spec, tfBackend);
    this.on = { tf, tfBackend };
  }

  /** An engine holding `params` on `tfBackend`; SpecError, before allocating, where it lacks a kernel. */
  static async create(tf: Tf, tfBackend: TfjsBackendName, spec: NetworkSpec, params: Params) {
    const engine = new TfjsEngine(tf, tfBackend, spec);
    await engine.writeParams(params);
    return engine;
  }

  forward(x: Matrix): Promise<Matrix> {
    return this.locked(() => {
      const { tf } = this;
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
