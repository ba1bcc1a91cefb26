import {
  cloneMatrix,
  type EngineStep,
  type EngineTrain,
  firstNonFinite,
  type LayerValues,
  type Matrix,
  type NetworkSpec,
  type Params,
  type SessionEngine,
} from '@onegrad/core';
import { Buffer } from './buffer.js';
import { DenseLayer } from './dense-layer.js';
import { sgdUpdate } from './kernels/sgd-update.js';
import { kernelsOf, type TsActivationKernel, type TsLossKernel } from './kernels.js';

type LayerParams = { W: Matrix; b: Matrix };

/** A network on typed arrays: forward, backward and SGD written out as in the seed's NumPy. */
export class TsEngine implements SessionEngine {
  private readonly layers: DenseLayer[];
  private readonly loss: TsLossKernel;
  private readonly fused: boolean;
  private readonly dAOut: Buffer;
  private readonly dZOut: Buffer;
  private readonly round: (v: number) => number;
  // The update is written here first and swapped in only when core commits it.
  private spare: LayerParams[];
  // Per-step views of the layers' buffers, kept between steps so the hot path allocates nothing.
  private readonly acts: Matrix[] = [];
  private readonly zs: Matrix[] = [];
  // What the last candidate left: its cost and whether it and the update are finite.
  private lastLoss = 0;
  private lastFinite = false;
  // A step's callbacks, made once: a step of a seed-sized network is short enough to feel each allocation.
  private readonly readSpare = (): Params => copies(this.spare);
  private readonly commitSpare = (): void => this.install();

  /** Takes `params` as validated private copies in the spec's dtype. */
  constructor(spec: NetworkSpec, params: Params) {
    const kernels = kernelsOf(spec);
    this.layers = params.map(
      (p, l) =>
        new DenseLayer(p.W.rows, p.W.cols, spec.dtype, p, kernels.activations[l] as TsActivationKernel),
    );
    this.loss = kernels.loss;
    this.fused = kernels.fused;
    this.round = spec.dtype === 'float32' ? Math.fround : (v) => v;
    const outputs = spec.sizes[spec.sizes.length - 1] as number;
    this.dAOut = new Buffer(spec.dtype, outputs);
    this.dZOut = new Buffer(spec.dtype, outputs);
    this.spare = params.map((p) => ({ W: cloneMatrix(p.W), b: cloneMatrix(p.b) }));
  }

  forward(x: Matrix): Matrix {
    let a = x;
    for (const layer of this.layers) a = layer.forward(a).a;
    return cloneMatrix(a);
  }

  step(x: Matrix, y: Matrix, learningRate: number, trace: boolean): EngineStep {
    const traced = this.candidate(x, y, learningRate, trace);
    const out: EngineStep = {
      loss: this.lastLoss,
      finite: this.lastFinite,
      readUpdate: this.readSpare,
      commit: this.commitSpare,
      discard: noop,
    };
    return traced ? { ...out, layers: traced } : out;
  }

  train(x: Matrix, y: Matrix, learningRate: number, steps: number): EngineTrain {
    // The run swaps its steps in as it goes, on copies: the parameters from before it stay untouched.
    const before = this.layers.map((layer) => layer.params);
    this.writeParams(copies(before));
    const restore = () => this.writeParams(before);
    const losses = new Float64Array(steps);
    let done = 0;
    try {
      while (done < steps) {
        this.candidate(x, y, learningRate, false);
        if (!this.lastFinite) break;
        this.install();
        losses[done++] = this.lastLoss;
      }
    } catch (error) {
      restore();
      throw error;
    }
    return {
      losses: done === steps ? losses : losses.slice(0, done),
      stopped: done < steps,
      commit: () => undefined,
      discard: restore,
    };
  }

  /**
   * Forward, backward and the SGD update into the spare parameters, which stay uninstalled; the cost
   * and whether the candidate is finite land in `lastLoss` and `lastFinite` (fields, so that a step of a run
   * allocates no result object). Returns the trace when asked for.
   */
  private candidate(x: Matrix, y: Matrix, learningRate: number, trace: boolean): LayerValues[] | undefined {
    const L = this.layers.length;
    const { acts, zs } = this;
    acts[0] = x;
    for (let l = 0; l < L; l++) {
      const f = (this.layers[l] as DenseLayer).forward(acts[l] as Matrix);
      zs[l] = f.z;
      acts[l + 1] = f.a;
    }
    const aL = acts[L] as Matrix;
    // Rounded to the dtype, as a float32 session holds every other value.
    const loss = this.round(this.loss.total(zs[L - 1] as Matrix, aL, y) / x.rows);
    const traced: LayerValues[] | undefined = trace ? [] : undefined;
    // A fused dZ never reads the unfused dA_L: it is computed only when unfused or to show in the trace.
    let unfused: Matrix | undefined;
    if (traced || !this.fused) {
      unfused = this.dAOut.rows(x.rows);
      this.loss.gradA(aL, y, unfused);
    }
    let fusedDZ: Matrix | undefined;
    if (this.fused) {
      fusedDZ = this.dZOut.rows(x.rows);
      this.loss.fusedGradZ?.(aL, y, fusedDZ);
    }
    let dA = (unfused ?? fusedDZ) as Matrix;
    let finite = Number.isFinite(loss);
    for (let l = L - 1; l >= 0; l--) {
      const layer = this.layers[l] as DenseLayer;
      const g = layer.backward(
        acts[l] as Matrix,
        zs[l] as Matrix,
        acts[l + 1] as Matrix,
        dA,
        l === L - 1 ? fusedDZ : undefined,
        l > 0,
      );
      const next = this.spare[l] as LayerParams;
      sgdUpdate(layer.params.W, g.dW, learningRate, next.W);
      sgdUpdate(layer.params.b, g.db, learningRate, next.b);
      finite &&= firstNonFinite(next.W.data) < 0 && firstNonFinite(next.b.data) < 0;
      traced?.unshift({
        Z: cloneMatrix(zs[l] as Matrix),
        A: cloneMatrix(acts[l + 1] as Matrix),
        dA: cloneMatrix(dA),
        dZ: cloneMatrix(g.dZ),
        dW: cloneMatrix(g.dW),
        db: cloneMatrix(g.db),
      });
      dA = g.dAPrev;
    }
    this.lastLoss = loss;
    this.lastFinite = finite;
    return traced;
  }

  /** Makes the spare parameters current; the old current ones become the spare. */
  private install(): void {
    // A plain loop: a closure per call would be an allocation per step of a run.
    for (let l = 0; l < this.layers.length; l++) {
      const layer = this.layers[l] as DenseLayer;
      const current = layer.params;
      layer.params = this.spare[l] as LayerParams;
      this.spare[l] = current;
    }
  }

  readParams(): Params {
    return copies(this.layers.map((layer) => layer.params));
  }

  writeParams(params: Params): void {
    params.forEach((p, l) => {
      (this.layers[l] as DenseLayer).params = { W: p.W, b: p.b };
    });
  }

  release(): void {
    // Typed arrays are garbage collected once core drops the engine.
  }
}

const noop = (): void => undefined;

/** Deep copies of layer parameters. */
function copies(params: readonly LayerParams[]): Params {
  return params.map((p) => ({ W: cloneMatrix(p.W), b: cloneMatrix(p.b) }));
}
