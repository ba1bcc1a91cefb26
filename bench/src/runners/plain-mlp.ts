/** The activations the plain loop knows: the textbook ones. */
export type PlainActivation = 'sigmoid' | 'relu' | 'softmax';

/** The losses the plain loop knows, each after its canonical output: bce after sigmoid, cce after softmax. */
export type PlainLoss = 'bce' | 'cce';

/**
 * An MLP trained with SGD the way a textbook writes it: Float32Arrays, one triple loop per matrix
 * product in dot-product order (i, j, then k innermost), and fresh arrays for every intermediate of
 * every step. Sigmoid layers and BCE by default; relu hidden layers and a softmax output with
 * categorical cross-entropy when asked. It computes what onegrad's step computes, including skipping
 * the input layer's dA; it is the baseline a careful newcomer would write before any tuning.
 */
export class PlainMlp {
  private readonly W: Float32Array[];
  private readonly b: Float32Array[];
  private readonly activations: readonly PlainActivation[];

  constructor(
    private readonly sizes: readonly number[],
    W: readonly Float32Array[],
    b: readonly Float32Array[],
    activations?: readonly PlainActivation[],
    private readonly loss: PlainLoss = 'bce',
  ) {
    this.W = W.map((w) => Float32Array.from(w));
    this.b = b.map((v) => Float32Array.from(v));
    this.activations = activations ?? sizes.slice(1).map(() => 'sigmoid');
  }

  /** Forward, backward and update on the batch `x` (m x n0), `y` (m x nL); returns the cost before it. */
  step(x: Float32Array, y: Float32Array, m: number, lr: number): number {
    const L = this.sizes.length - 1;
    const acts: Float32Array[] = [x];
    for (let l = 1; l <= L; l++) {
      const K = this.sizes[l - 1] as number;
      const N = this.sizes[l] as number;
      const A = acts[l - 1] as Float32Array;
      const W = this.W[l - 1] as Float32Array;
      const b = this.b[l - 1] as Float32Array;
      const act = this.activations[l - 1];
      const out = new Float32Array(m * N);
      for (let i = 0; i < m; i++) {
        for (let j = 0; j < N; j++) {
          let s = b[j] as number;
          for (let k = 0; k < K; k++) s += (A[i * K + k] as number) * (W[k * N + j] as number);
          if (act === 'relu') out[i * N + j] = Math.max(s, 0);
          else if (act === 'softmax') out[i * N + j] = s;
          else out[i * N + j] = 1 / (1 + Math.exp(-s));
        }
        if (act === 'softmax') {
          // Subtracting the row's largest logit keeps exp from overflowing; the ratios do not change.
          let max = -Infinity;
          for (let j = 0; j < N; j++) max = Math.max(max, out[i * N + j] as number);
          let sum = 0;
          for (let j = 0; j < N; j++) {
            const e = Math.exp((out[i * N + j] as number) - max);
            out[i * N + j] = e;
            sum += e;
          }
          for (let j = 0; j < N; j++) out[i * N + j] = (out[i * N + j] as number) / sum;
        }
      }
      acts.push(out);
    }
    const aL = acts[L] as Float32Array;
    let cost = 0;
    // Both pairs are canonical: dZ of the output is A - Y for sigmoid + bce and for softmax + cce.
    let dZ = new Float32Array(aL.length);
    for (let e = 0; e < aL.length; e++) {
      const a = aL[e] as number;
      const t = y[e] as number;
      if (this.loss === 'cce') cost -= t === 0 ? 0 : t * Math.log(a);
      else cost -= t * Math.log(a) + (1 - t) * Math.log(1 - a);
      dZ[e] = a - t;
    }
    for (let l = L; l >= 1; l--) {
      const K = this.sizes[l - 1] as number;
      const N = this.sizes[l] as number;
      const A = acts[l - 1] as Float32Array;
      const W = this.W[l - 1] as Float32Array;
      const b = this.b[l - 1] as Float32Array;
      const dW = new Float32Array(K * N);
      for (let k = 0; k < K; k++) {
        for (let j = 0; j < N; j++) {
          let s = 0;
          for (let i = 0; i < m; i++) s += (A[i * K + k] as number) * (dZ[i * N + j] as number);
          dW[k * N + j] = s / m;
        }
      }
      const db = new Float32Array(N);
      for (let i = 0; i < m; i++)
        for (let j = 0; j < N; j++) db[j] = (db[j] as number) + (dZ[i * N + j] as number) / m;
      let below = dZ;
      if (l > 1) {
        const act = this.activations[l - 2];
        below = new Float32Array(m * K);
        for (let i = 0; i < m; i++) {
          for (let k = 0; k < K; k++) {
            let s = 0;
            for (let j = 0; j < N; j++) s += (dZ[i * N + j] as number) * (W[k * N + j] as number);
            const a = A[i * K + k] as number;
            below[i * K + k] = act === 'relu' ? (a > 0 ? s : 0) : s * a * (1 - a);
          }
        }
      }
      for (let e = 0; e < W.length; e++) W[e] = (W[e] as number) - lr * (dW[e] as number);
      for (let j = 0; j < N; j++) b[j] = (b[j] as number) - lr * (db[j] as number);
      dZ = below;
    }
    return cost / m;
  }
}
