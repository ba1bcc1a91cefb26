import {
  cloneMatrix,
  type EngineStep,
  firstNonFinite,
  type LayerValues,
  type Matrix,
  type NetworkSpec,
  type Params,
  type SessionEngine,
} from '@onegrad/core';
import { DenseSigmoidLayer } from './dense-sigmoid-layer.js';
import { sgdUpdate } from './kernels/sgd-update.js';
import { MatrixLoss } from './losses.js';

type LayerParams = { W: Matrix; b: Matrix };

/** A network on typed arrays: forward, backward and SGD written out as in the seed's NumPy. */
export class TsEngine implements SessionEngine {
  private readonly layers: DenseSigmoidLayer[];
  private readonly loss: MatrixLoss;
  // The update is written here first and swapped in only when core commits it.
  private spare: LayerParams[];
  // Per-step views of the layers' buffers, kept between steps so the hot path allocates nothing.
  private readonly acts: Matrix[] = [];
  private readonly zs: Matrix[] = [];

  /** Takes `params` as validated private copies in the spec's dtype. */
  constructor(spec: NetworkSpec, params: Params) {
    this.layers = params.map((p) => new DenseSigmoidLayer(p.W.rows, p.W.cols, spec.dtype, p));
    this.loss = new MatrixLoss(spec.loss, spec.dtype, spec.sizes[spec.sizes.length - 1] as number);
    this.spare = params.map((p) => ({ W: cloneMatrix(p.W), b: cloneMatrix(p.b) }));
  }

  forward(x: Matrix): Matrix {
    let a = x;
    for (const layer of this.layers) a = layer.forward(a).a;
    return cloneMatrix(a);
  }

  step(x: Matrix, y: Matrix, learningRate: number, trace: boolean): EngineStep {
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
    const traced: LayerValues[] | undefined = trace ? [] : undefined;
    // bce's fused dZ never reads the unfused dA_L: it is computed only for mse or to show in the trace.
    const unfused = traced || !this.loss.fused ? this.loss.gradA(aL, y) : undefined;
    const fusedDZ = this.loss.fused ? this.loss.gradZ(aL, y, unfused ?? aL) : undefined;
    let dA = (unfused ?? fusedDZ) as Matrix;
    let finite = Number.isFinite(loss);
    for (let l = L - 1; l >= 0; l--) {
      const layer = this.layers[l] as DenseSigmoidLayer;
      const g = layer.backward(
        acts[l] as Matrix,
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
    return {
      loss,
      finite,
      ...(traced ? { layers: traced } : {}),
      readUpdate: () => copies(this.spare),
      commit: () => {
        this.layers.forEach((layer, l) => {
          const current = layer.params;
          layer.params = this.spare[l] as LayerParams;
          this.spare[l] = current;
        });
      },
      discard: () => undefined,
    };
  }

  readParams(): Params {
    return copies(this.layers.map((layer) => layer.params));
  }

  writeParams(params: Params): void {
    params.forEach((p, l) => {
      (this.layers[l] as DenseSigmoidLayer).params = { W: p.W, b: p.b };
    });
  }

  release(): void {
    // Typed arrays are garbage collected once core drops the engine.
  }
}

/** Deep copies of layer parameters. */
function copies(params: readonly LayerParams[]): Params {
  return params.map((p) => ({ W: cloneMatrix(p.W), b: cloneMatrix(p.b) }));
}
