import {
  type Batch,
  cast,
  type DType,
  initParams,
  type NetworkSpec,
  type TrainingSession,
} from '@onegrad/core';
import type { BackendPool } from './backend-pool.js';
import { worstTraceRatio } from './error-bound.js';

/** The reference every lane is compared with: backend-ts in float64. */
export const REFERENCE = { backend: 'ts', dtype: 'float64' } as const;

/** One backend and dtype training beside the reference. */
export interface Lane {
  /** Key for charts and tables, e.g. `onnx f32`. */
  readonly key: string;
  /** Backend id in the pool. */
  readonly backend: string;
  /** Dtype it computes in. */
  readonly dtype: DType;
}

/** One lockstep step: the reference's cost and each lane's worst ratio (see error-bound.ts). */
export interface LockstepPoint {
  /** 1-based step number. */
  readonly step: number;
  /** The reference's cost before the update. */
  readonly loss: number;
  /** Worst ratio per lane key. */
  readonly ratios: Readonly<Record<string, number>>;
}

/** Every lane the pool can run: each backend in each of its dtypes, except the reference itself. */
export function lanesOf(pool: BackendPool): Lane[] {
  return pool.choices.flatMap((c) =>
    c.dtypes
      .filter((d) => !(c.id === REFERENCE.backend && d === REFERENCE.dtype))
      .map((dtype) => ({ key: `${c.id} ${dtype === 'float32' ? 'f32' : 'f64'}`, backend: c.id, dtype })),
  );
}

/**
 * All lanes train the same network from the same seeded start, side by side with the reference. With
 * `resync`, every lane restarts each step from the reference's parameters, so the ratio measures one step
 * (as the conformance suite does); without it, the lanes drift apart as their roundings accumulate.
 */
export class Lockstep {
  /** One point per step. */
  readonly points: LockstepPoint[] = [];

  private constructor(
    private readonly ref: TrainingSession,
    private readonly lanes: readonly { lane: Lane; session: TrainingSession; batch: Batch }[],
    private readonly batch: Batch,
  ) {}

  /** Creates the reference and one session per lane from `initParams(spec, seed)`. */
  static async start(
    pool: BackendPool,
    lanes: readonly Lane[],
    spec: Omit<NetworkSpec, 'dtype'>,
    batch: Batch,
    seed: number,
  ) {
    const make = async (backend: string, dtype: DType) => {
      const s: NetworkSpec = { ...spec, dtype };
      return (await pool.get(backend)).createSession(s, initParams(s, seed));
    };
    const ref = await make(REFERENCE.backend, REFERENCE.dtype);
    const sessions = [];
    for (const lane of lanes) {
      const b = { x: cast(batch.x, lane.dtype), y: cast(batch.y, lane.dtype) };
      sessions.push({ lane, session: await make(lane.backend, lane.dtype), batch: b });
    }
    return new Lockstep(ref, sessions, { x: cast(batch.x, 'float64'), y: cast(batch.y, 'float64') });
  }

  /** One traced step on the reference and on every lane; returns the ratios. */
  async step(learningRate: number, resync: boolean): Promise<LockstepPoint> {
    const start = resync ? await this.ref.getParams() : undefined;
    const ref = await this.ref.step(this.batch, { learningRate, trace: true });
    const ratios: Record<string, number> = {};
    for (const { lane, session, batch } of this.lanes) {
      if (start)
        await session.setParams(start.map((p) => ({ W: cast(p.W, lane.dtype), b: cast(p.b, lane.dtype) })));
      try {
        const r = await session.step(batch, { learningRate, trace: true });
        ratios[lane.key] =
          r.trace && ref.trace ? worstTraceRatio(r.trace, ref.trace, lane.dtype) : Number.NaN;
      } catch {
        ratios[lane.key] = Number.POSITIVE_INFINITY;
      }
    }
    const point = { step: this.points.length + 1, loss: ref.loss, ratios };
    this.points.push(point);
    return point;
  }

  /** Releases every session. */
  dispose(): void {
    this.ref.dispose();
    for (const { session } of this.lanes) session.dispose();
  }
}
