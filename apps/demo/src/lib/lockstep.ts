import { judgeStep } from '@onegrad/conformance/judge';
import {
  type Batch,
  cast,
  type DType,
  initParams,
  type Matrix,
  type NetworkSpec,
  type TrainingSession,
} from '@onegrad/core';
import type { BackendPool } from './backend-pool.js';

/** The reference every lane starts each step from: backend-ts in float64. */
export const REFERENCE = { backend: 'ts', dtype: 'float64' } as const;

/** One backend and dtype judged beside the reference. */
export interface Lane {
  /** Key for charts and tables, e.g. `onnx f32`. */
  readonly key: string;
  /** Backend id in the pool. */
  readonly backend: string;
  /** Dtype it computes in. */
  readonly dtype: DType;
}

/** One judged lockstep step: the reference's cost and each lane's worst conformance ratio. */
export interface LockstepPoint {
  /** 1-based step number of the reference's training. */
  readonly step: number;
  /** The reference's cost before the update. */
  readonly loss: number;
  /** `judgeStep(...).worstRatio` per lane key: at most THRESHOLD (1) is within the error model. */
  readonly ratios: Readonly<Record<string, number>>;
  /** Milliseconds `judgeStep` took per lane, on average, at this step. */
  readonly judgeMs: number;
}

/** Every lane the pool can run: each backend in each of its dtypes, except the reference itself. */
export function lanesOf(pool: BackendPool): Lane[] {
  return pool.choices.flatMap((c) =>
    c.dtypes
      .filter((d) => !(c.id === REFERENCE.backend && d === REFERENCE.dtype))
      .map((dtype) => ({ key: `${c.id} ${dtype === 'float32' ? 'f32' : 'f64'}`, backend: c.id, dtype })),
  );
}

/** The first `count` rows of `m` (all of them when it has fewer). */
export function headRows(m: Matrix, count: number): Matrix {
  const rows = Math.min(m.rows, count);
  return { rows, cols: m.cols, data: m.data.slice(0, rows * m.cols) };
}

/**
 * The reference trains on the whole batch. At a judged step every lane restarts from the reference's
 * parameters (rounded to its dtype), takes one traced step on the judged batch, and `judgeStep` of
 * @onegrad/conformance measures it against the 50-digit reference: one step at a time from a common start,
 * as the conformance suite does.
 */
export class Lockstep {
  /** One point per judged step. */
  readonly points: LockstepPoint[] = [];
  private taken = 0;

  private constructor(
    private readonly spec: Omit<NetworkSpec, 'dtype'>,
    private readonly ref: TrainingSession,
    private readonly lanes: readonly { lane: Lane; session: TrainingSession; batch: Batch }[],
    private readonly batch: Batch,
  ) {}

  /**
   * Creates the reference from `initParams(spec, seed)` and one session per lane. Lanes are judged on
   * the first `judgeRows` rows of `batch`: the reference's cost grows with the batch.
   */
  static async start(
    pool: BackendPool,
    lanes: readonly Lane[],
    spec: Omit<NetworkSpec, 'dtype'>,
    batch: Batch,
    seed: number,
    judgeRows = batch.x.rows,
  ) {
    const make = async (backend: string, dtype: DType) => {
      const s: NetworkSpec = { ...spec, dtype };
      return (await pool.get(backend)).createSession(s, initParams(s, seed));
    };
    const ref = await make(REFERENCE.backend, REFERENCE.dtype);
    const sessions = [];
    for (const lane of lanes) {
      const b = {
        x: cast(headRows(batch.x, judgeRows), lane.dtype),
        y: cast(headRows(batch.y, judgeRows), lane.dtype),
      };
      sessions.push({ lane, session: await make(lane.backend, lane.dtype), batch: b });
    }
    return new Lockstep(spec, ref, sessions, { x: cast(batch.x, 'float64'), y: cast(batch.y, 'float64') });
  }

  /** One step of the reference; with `judge`, every lane is judged at it. Returns the point, if judged. */
  async step(learningRate: number, judge = true): Promise<LockstepPoint | undefined> {
    const start = judge ? await this.ref.getParams() : undefined;
    const { loss } = await this.ref.step(this.batch, { learningRate });
    this.taken++;
    if (!start) return undefined;
    const ratios: Record<string, number> = {};
    let ms = 0;
    for (const { lane, session, batch } of this.lanes) {
      const params = start.map((p) => ({ W: cast(p.W, lane.dtype), b: cast(p.b, lane.dtype) }));
      try {
        await session.setParams(params);
        const result = await session.step(batch, { learningRate, trace: true });
        const t0 = performance.now();
        const spec = { ...this.spec, dtype: lane.dtype };
        ratios[lane.key] = judgeStep({ spec, params, batch, learningRate }, result).worstRatio;
        ms += performance.now() - t0;
      } catch {
        // A lane that cannot take the step at all is as far from the reference as it gets.
        ratios[lane.key] = Number.POSITIVE_INFINITY;
      }
    }
    const point = { step: this.taken, loss, ratios, judgeMs: ms / Math.max(1, this.lanes.length) };
    this.points.push(point);
    return point;
  }

  /** Releases every session. */
  dispose(): void {
    this.ref.dispose();
    for (const { session } of this.lanes) session.dispose();
  }
}
