import type { DType, Matrix } from '@onegrad/core';
import { Buffer } from './buffer.js';
import { denseForward } from './kernels/dense-forward.js';
import { inputGradient } from './kernels/input-gradient.js';
import { weightGradient } from './kernels/weight-gradient.js';
import type { TsActivationKernel } from './kernels.js';

/** Dense + activation on typed arrays; results live in buffers reused from step to step. */
export class DenseLayer {
  /** Current weights (inputs x units) and bias (1 x units); swapped in by the engine after an update. */
  params: { W: Matrix; b: Matrix };
  private readonly z: Buffer;
  private readonly a: Buffer;
  private readonly dZ: Buffer;
  private readonly dAPrev: Buffer;
  private readonly grads: { dW: Matrix; db: Matrix };
  // Results are returned in the same two objects every call: a warmed-up step allocates nothing.
  private readonly fwd: { z: Matrix; a: Matrix };
  private readonly bwd: { dZ: Matrix; dW: Matrix; db: Matrix; dAPrev: Matrix };

  constructor(
    readonly inputs: number,
    readonly units: number,
    dtype: DType,
    params: { W: Matrix; b: Matrix },
    private readonly activation: TsActivationKernel,
  ) {
    this.params = params;
    this.z = new Buffer(dtype, units);
    this.a = new Buffer(dtype, units);
    this.dZ = new Buffer(dtype, units);
    this.dAPrev = new Buffer(dtype, inputs);
    this.grads = { dW: new Buffer(dtype, units).rows(inputs), db: new Buffer(dtype, units).rows(1) };
    this.fwd = { z: this.z.rows(0), a: this.a.rows(0) };
    this.bwd = { dZ: this.dZ.rows(0), dW: this.grads.dW, db: this.grads.db, dAPrev: this.dAPrev.rows(0) };
  }

  /** Z = A_prev W + b; A = f(Z). */
  forward(aPrev: Matrix): { z: Matrix; a: Matrix } {
    const z = this.z.rows(aPrev.rows);
    const a = this.a.rows(aPrev.rows);
    denseForward(aPrev, this.params.W, this.params.b, z);
    this.activation.forward(z, a);
    this.fwd.z = z;
    this.fwd.a = a;
    return this.fwd;
  }

  /** dZ (fused, or dA through f'), dW, db and dA_prev; `wantDAPrev` false skips the input layer's dX. */
  backward(
    aPrev: Matrix,
    z: Matrix,
    a: Matrix,
    dA: Matrix,
    fusedDZ?: Matrix,
    wantDAPrev = true,
  ): { dZ: Matrix; dW: Matrix; db: Matrix; dAPrev: Matrix } {
    let dZ = fusedDZ;
    if (dZ === undefined) {
      dZ = this.dZ.rows(a.rows);
      this.activation.backward(dA, z, a, dZ);
    }
    weightGradient(aPrev, dZ, this.grads.dW, this.grads.db);
    const dAPrev = this.dAPrev.rows(a.rows);
    if (wantDAPrev) inputGradient(dZ, this.params.W, dAPrev);
    this.bwd.dZ = dZ;
    this.bwd.dAPrev = dAPrev;
    return this.bwd;
  }
}
