/**
 * A sigmoid MLP trained with BCE and SGD the way a textbook writes it: Float32Arrays, one triple
 * loop per matrix product in dot-product order (i, j, then k innermost), and fresh arrays for every
 * intermediate of every step. It computes what onegrad's step computes, including skipping the
 * input layer's dA; it is the baseline a careful newcomer would write before any tuning.
 */
export class PlainMlp {
  private readonly W: Float32Array[];
  private readonly b: Float32Array[];

  constructor(
    private readonly sizes: readonly number[],
    W: readonly Float32Array[],
    b: readonly Float32Array[],
  ) {
    this.W = W.map((w) => Float32Array.from(w));
    this.b = b.map((v) => Float32Array.from(v));
  }

  /** Forward, backward and update on the batch `x` (m x n0), `y` (m x nL); returns the BCE cost before it. */
  step(x: Float32Array, y: Float32Array, m: number, lr: number): number {
    const L = this.sizes.length - 1;
    const acts: Float32Array[] = [x];
    for (let l = 1; l <= L; l++) {
      const K = this.sizes[l - 1] as number;
      const N = this.sizes[l] as number;
      const A = acts[l - 1] as Float32Array;
      const W = this.W[l - 1] as Float32Array;
      const b = this.b[l - 1] as Float32Array;
      const out = new Float32Array(m * N);
      for (let i = 0; i < m; i++) {
        for (let j = 0; j < N; j++) {
          let s = b[j] as number;
          for (let k = 0; k < K; k++) s += (A[i * K + k] as number) * (W[k * N + j] as number);
          out[i * N + j] = 1 / (1 + Math.exp(-s));
        }
      }
      acts.push(out);
    }
    const aL = acts[L] as Float32Array;
    let cost = 0;
    let dZ = new Float32Array(aL.length);
    for (let e = 0; e < aL.length; e++) {
      const a = aL[e] as number;
      const t = y[e] as number;
      cost -= t * Math.log(a) + (1 - t) * Math.log(1 - a);
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
        below = new Float32Array(m * K);
        for (let i = 0; i < m; i++) {
          for (let k = 0; k < K; k++) {
            let s = 0;
            for (let j = 0; j < N; j++) s += (dZ[i * N + j] as number) * (W[k * N + j] as number);
            const a = A[i * K + k] as number;
            below[i * K + k] = s * a * (1 - a);
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
