import {
  assertFiniteStep,
  type BackendInfo,
  type Batch,
  cast,
  chanceCost,
  cloneMatrix,
  DisposedError,
  dtypeOf,
  type LayerTrace,
  LossWatch,
  type Matrix,
  type NetworkSpec,
  nonFiniteIndices,
  type Params,
  type StepOptions,
  type StepResult,
  serialQueue,
  type TrainingSession,
  validateBatch,
  validateInput,
  validateParams,
  validateStepOptions,
} from '@onegrad/core';
import { DenseSigmoidLayer } from './dense-sigmoid-layer.js';
import { sgdUpdate } from './kernels/sgd-update.js';
import { MatrixLoss } from './losses.js';

/** A network on typed arrays: forward, backward and SGD written out as in the seed's NumPy. */
export class TsSession implements TrainingSession {
  private readonly layers: DenseSigmoidLayer[];
  private readonly loss: MatrixLoss;
  // The update is written here first and swapped in only once it is known to be finite.
  private spare: { W: Matrix; b: Matrix }[];
  // Per-step views of the layers' buffers, kept between steps so the hot path allocates nothing.
  private readonly acts: Matrix[] = [];
  private readonly zs: Matrix[] = [];
  private readonly queue = serialQueue();
  private readonly watch: LossWatch;
  private disposed = false;

  constructor(
    readonly spec: NetworkSpec,
    readonly backend: BackendInfo,
    params: Params,
  ) {
    this.layers = params.map((p) => new DenseSigmoidLayer(p.W.rows, p.W.cols, spec.dtype, p));
    this.loss = new MatrixLoss(spec.loss, spec.dtype, spec.sizes[spec.sizes.length - 1] as number);
    this.spare = params.map((p) => ({ W: cloneMatrix(p.W), b: cloneMatrix(p.b) }));
    this.watch = new LossWatch(chanceCost(spec));
  }

  forward(x: Matrix): Promise<Matrix> {
    return this.queue(() => {
      this.assertLive();
      validateInput(this.spec, x);
      let a = this.inDType(x);
      for (const layer of this.layers) a = layer.forward(a).a;
      return cloneMatrix(a);
    });
  }

  step(batch: Batch, options: StepOptions): Promise<StepResult> {
    return this.queue(() => {
      this.assertLive();
      validateBatch(this.spec, batch);
      validateStepOptions(options, 'options', this.spec.dtype);
      return this.run(this.inDType(batch.x), this.inDType(batch.y), options);
    });
  }

  getParams(): Promise<Params> {
    return this.queue(() => {
      this.assertLive();
      return this.snapshot();
    });
  }

  setParams(params: Params): Promise<void> {
    return this.queue(() => {
      this.assertLive();
      const checked = validateParams(this.spec, params);
      checked.forEach((p, l) => {
        (this.layers[l] as DenseSigmoidLayer).params = { W: p.W, b: p.b };
      });
      this.watch.reset();
    });
  }

  dispose(): void {
    this.disposed = true;
  }

  private run(x: Matrix, y: Matrix, options: StepOptions): StepResult {
    const L = this.layers.length;
    const { acts, zs } = this;
    acts[0] = x;
    for (let l = 0; l < L; l++) {
      const f = (this.layers[l] as DenseSigmoidLayer).forward(acts[l] as Matrix);
      zs[l] = f.z;
      acts[l + 1] = f.a;
    }
    const aL = acts[L] as Matrix;
    const loss = this.loss.cost(zs[L - 1] as Matrix, aL, y).data[0] as number;
    const traced: LayerTrace[] | undefined = options.trace ? [] : undefined;
    // bce's fused dZ never reads the unfused dA_L: it is computed only for mse or to show in the trace.
    const unfused = traced || !this.loss.fused ? this.loss.gradA(aL, y) : undefined;
    const fusedDZ = this.loss.fused ? this.loss.gradZ(aL, y, unfused ?? aL) : undefined;
    let dA = (unfused ?? fusedDZ) as Matrix;
    for (let l = L - 1; l >= 0; l--) {
      const layer = this.layers[l] as DenseSigmoidLayer;
      const g = layer.backward(
        acts[l] as Matrix,
        acts[l + 1] as Matrix,
        dA,
        l === L - 1 ? fusedDZ : undefined,
        l > 0,
      );
      sgdUpdate(layer.params.W, g.dW, options.learningRate, (this.spare[l] as { W: Matrix }).W);
      sgdUpdate(layer.params.b, g.db, options.learningRate, (this.spare[l] as { b: Matrix }).b);
      if (traced) {
        const t = { z: zs[l] as Matrix, a: acts[l + 1] as Matrix, dA, dZ: g.dZ, dW: g.dW, db: g.db };
        traced.unshift({ ...mapClone(t), dANonFinite: nonFiniteIndices(dA) });
      }
      dA = g.dAPrev;
    }
    assertFiniteStep(loss, this.spare);
    for (let l = 0; l < L; l++) {
      const layer = this.layers[l] as DenseSigmoidLayer;
      const current = layer.params;
      layer.params = this.spare[l] as { W: Matrix; b: Matrix };
      this.spare[l] = current;
    }
    const diverging = this.watch.observe(loss);
    if (!traced) return { loss, diverging };
    const trace = { layers: traced, loss, fusedOutput: this.loss.fused, params: this.snapshot() };
    return { loss, diverging, trace };
  }

  /** Copies of the current parameters. */
  private snapshot(): Params {
    return this.layers.map((layer) => ({ W: cloneMatrix(layer.params.W), b: cloneMatrix(layer.params.b) }));
  }

  private inDType(m: Matrix): Matrix {
    return dtypeOf(m.data) === this.spec.dtype ? m : cast(m, this.spec.dtype);
  }

  private assertLive(): void {
    if (this.disposed) throw new DisposedError('session', `the ${this.backend.name} session was disposed`);
  }
}

function mapClone<K extends string>(t: Record<K, Matrix>): Record<K, Matrix> {
  const out = {} as Record<K, Matrix>;
  for (const key of Object.keys(t) as K[]) out[key] = cloneMatrix(t[key]);
  return out;
}
