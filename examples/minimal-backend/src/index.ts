import {
  activationsOf,
  type Backend,
  createBackend,
  type EngineStep,
  fusesOutput,
  type LayerValues,
  type Matrix,
  type NetworkSpec,
  type Params,
  type SessionEngine,
  SpecError,
} from '@onegrad/core';

// A complete onegrad backend: float64 typed arrays, every activation and loss onegrad ships, written
// against core's engine contract. Core's createBackend supplies the rest of the contract: it reads
// and validates every input once, queues calls, disposes, refuses a non-finite step and builds traces.

const matrix = (rows: number, cols: number): Matrix => ({ rows, cols, data: new Float64Array(rows * cols) });
const at = (m: Matrix, i: number): number => m.data[i] as number;
const copy = (m: Matrix): Matrix => ({ rows: m.rows, cols: m.cols, data: new Float64Array(m.data) });
const copyParams = (p: Params): Params => p.map(({ W, b }) => ({ W: copy(W), b: copy(b) }));
/** f(0) + ... + f(n - 1). */
const sum = (n: number, f: (k: number) => number): number => {
  let s = 0;
  for (let k = 0; k < n; k++) s += f(k);
  return s;
};
/** out[i] = f(i) for every element. */
const each = (out: Matrix, f: (i: number) => number): Matrix => {
  for (let i = 0; i < out.data.length; i++) out.data[i] = f(i);
  return out;
};

/** One activation: A = f(Z), and dZ from dA (row-wise for softmax). */
interface Activation {
  forward(z: Matrix): Matrix;
  backward(dA: Matrix, z: Matrix, a: Matrix): Matrix;
}

const elementwise = (f: (z: number) => number, df: (z: number, a: number) => number): Activation => ({
  forward: (z) => each(matrix(z.rows, z.cols), (i) => f(at(z, i))),
  backward: (dA, z, a) => each(matrix(z.rows, z.cols), (i) => at(dA, i) * df(at(z, i), at(a, i))),
});

const ACTIVATIONS: Record<string, Activation> = {
  // e^-|z| never overflows: 1 / (1 + e^-z) would return 0 below z = -709 instead of a subnormal.
  sigmoid: elementwise(
    (z) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z))),
    (_, a) => a * (1 - a),
  ),
  tanh: elementwise(Math.tanh, (_, a) => 1 - a * a),
  relu: elementwise(
    (z) => Math.max(z, 0),
    (z) => (z > 0 ? 1 : 0),
  ),
  identity: elementwise(
    (z) => z,
    () => 1,
  ),
  softmax: {
    forward(z) {
      const a = matrix(z.rows, z.cols);
      for (let r = 0; r < z.rows; r++) {
        const row = Array.from(z.data.subarray(r * z.cols, (r + 1) * z.cols));
        const max = Math.max(...row);
        const total = sum(z.cols, (j) => Math.exp((row[j] as number) - max));
        row.forEach((v, j) => {
          a.data[r * z.cols + j] = Math.exp(v - max) / total;
        });
      }
      return a;
    },
    // dZ_i = a_i (dA_i - sum_j dA_j a_j): the softmax Jacobian times dA, one row at a time.
    backward(dA, _, a) {
      const dZ = matrix(a.rows, a.cols);
      for (let r = 0; r < a.rows; r++) {
        const dot = sum(a.cols, (j) => at(dA, r * a.cols + j) * at(a, r * a.cols + j));
        for (let j = 0; j < a.cols; j++) {
          const i = r * a.cols + j;
          dZ.data[i] = at(a, i) * (at(dA, i) - dot);
        }
      }
      return dZ;
    },
  },
};

/** One loss: the sum of its terms over a batch, the unfused dA and, for its canonical pair, the fused dZ. */
interface Loss {
  total(z: Matrix, a: Matrix, y: Matrix): number;
  gradA(a: Matrix, y: Matrix): Matrix;
  fusedGradZ(a: Matrix, y: Matrix): Matrix;
}

const diff = (a: Matrix, y: Matrix, k = 1) => each(matrix(a.rows, a.cols), (i) => k * (at(a, i) - at(y, i)));

const LOSSES: Record<string, Loss> = {
  // From the logit, so the cost stays finite where a rounds to 0 or 1.
  bce: {
    total: (z, _, y) =>
      sum(z.data.length, (i) => {
        const v = at(z, i);
        return Math.max(v, 0) - v * at(y, i) + Math.log1p(Math.exp(-Math.abs(v)));
      }),
    gradA: (a, y) => each(matrix(a.rows, a.cols), (i) => (at(a, i) - at(y, i)) / (at(a, i) * (1 - at(a, i)))),
    fusedGradZ: (a, y) => diff(a, y),
  },
  mse: {
    total: (_, a, y) => sum(a.data.length, (i) => (at(a, i) - at(y, i)) ** 2),
    gradA: (a, y) => diff(a, y, 2),
    fusedGradZ: (a, y) => diff(a, y, 2),
  },
  // Per row logsumexp(z) - sum y z, from the logits.
  cce: {
    total: (z, _, y) =>
      sum(z.rows, (r) => {
        const row = Array.from(z.data.subarray(r * z.cols, (r + 1) * z.cols));
        const max = Math.max(...row);
        const lse = max + Math.log(sum(z.cols, (j) => Math.exp((row[j] as number) - max)));
        return lse - sum(z.cols, (j) => at(y, r * z.cols + j) * (row[j] as number));
      }),
    gradA: (a, y) => each(matrix(a.rows, a.cols), (i) => -at(y, i) / at(a, i)),
    fusedGradZ: (a, y) => diff(a, y),
  },
};

/** Z = A W + b. */
function affine(a: Matrix, W: Matrix, b: Matrix): Matrix {
  return each(matrix(a.rows, W.cols), (i) => {
    const [r, j] = [Math.floor(i / W.cols), i % W.cols];
    return at(b, j) + sum(W.rows, (k) => at(a, r * a.cols + k) * at(W, k * W.cols + j));
  });
}

/** One network: forward, backward and the candidate SGD update, on validated private copies from core. */
class MinimalSession implements SessionEngine {
  private readonly activations: Activation[];
  private readonly loss: Loss;
  private readonly fused: boolean;

  constructor(
    spec: NetworkSpec,
    private params: Params,
  ) {
    this.activations = activationsOf(spec).map((name, l) => {
      const f = ACTIVATIONS[name];
      if (!f)
        throw new SpecError(`spec.activations[${l}]`, `the minimal backend has no kernel for '${name}'`);
      return f;
    });
    const loss = LOSSES[spec.loss];
    if (!loss) throw new SpecError('spec.loss', `the minimal backend has no kernel for '${spec.loss}'`);
    this.loss = loss;
    this.fused = fusesOutput(spec);
  }

  forward(x: Matrix): Matrix {
    return this.params.reduce(
      (a, { W, b }, l) => (this.activations[l] as Activation).forward(affine(a, W, b)),
      x,
    );
  }

  step(x: Matrix, y: Matrix, learningRate: number, trace: boolean): EngineStep {
    const m = x.rows;
    const L = this.params.length;
    const acts = [x];
    const zs: Matrix[] = [];
    this.params.forEach(({ W, b }, l) => {
      zs.push(affine(acts[l] as Matrix, W, b));
      acts.push((this.activations[l] as Activation).forward(zs[l] as Matrix));
    });
    const loss = this.loss.total(zs[L - 1] as Matrix, acts[L] as Matrix, y) / m;
    // dA and dZ per sample; the 1/m enters only in dW and db.
    let dA = this.loss.gradA(acts[L] as Matrix, y);
    const layers: LayerValues[] = [];
    const update: { W: Matrix; b: Matrix }[] = [];
    for (let l = L - 1; l >= 0; l--) {
      const { W, b } = this.params[l] as Params[number];
      const [aPrev, z, a] = [acts[l] as Matrix, zs[l] as Matrix, acts[l + 1] as Matrix];
      const dZ =
        l === L - 1 && this.fused
          ? this.loss.fusedGradZ(a, y)
          : (this.activations[l] as Activation).backward(dA, z, a);
      const dW = each(matrix(W.rows, W.cols), (i) => {
        const [k, j] = [Math.floor(i / W.cols), i % W.cols];
        return sum(m, (r) => at(aPrev, r * W.rows + k) * at(dZ, r * W.cols + j)) / m;
      });
      const db = each(matrix(1, W.cols), (j) => sum(m, (r) => at(dZ, r * W.cols + j)) / m);
      layers.unshift({ Z: z, A: a, dA, dZ, dW, db });
      update.unshift({
        W: each(matrix(W.rows, W.cols), (i) => at(W, i) - learningRate * at(dW, i)),
        b: each(matrix(1, W.cols), (i) => at(b, i) - learningRate * at(db, i)),
      });
      // dA_{l-1} = dZ W^T
      dA = each(matrix(m, W.rows), (i) => {
        const [r, k] = [Math.floor(i / W.rows), i % W.rows];
        return sum(W.cols, (j) => at(dZ, r * W.cols + j) * at(W, k * W.cols + j));
      });
    }
    const finite =
      Number.isFinite(loss) && update.every((p) => [...p.W.data, ...p.b.data].every(Number.isFinite));
    return {
      loss,
      finite,
      ...(trace ? { layers } : {}),
      readUpdate: () => copyParams(update),
      commit: () => {
        this.params = update;
      },
      discard: () => undefined,
    };
  }

  readParams(): Params {
    return copyParams(this.params);
  }

  writeParams(params: Params): void {
    this.params = params;
  }

  release(): void {}
}

/** Options of {@link createMinimalBackend}. */
export interface MinimalBackendOptions {
  /** Name in reports; default `minimal`. */
  readonly name?: string;
}

/** Creates the minimal backend: plain TypeScript, float64, every activation and loss onegrad ships. */
export function createMinimalBackend(options: MinimalBackendOptions = {}): Backend {
  return createBackend({
    info: { name: options.name ?? 'minimal', engine: 'plain TypeScript (float64)', dtypes: ['float64'] },
    load: async () => undefined,
    createSession: (spec, params) => new MinimalSession(spec, params),
    release: () => undefined,
  });
}
