import { type Backend, type Batch, cast, type NetworkSpec, type Params } from '@onegrad/core';

/** Where a finite-difference check looks: weight W_layer[row, col] (layer 1-based). */
export interface WeightAt {
  readonly layer: number;
  readonly row: number;
  readonly col: number;
}

/**
 * The central difference (J(w + h) − J(w − h)) / 2h of the cost with respect to one weight, computed in
 * float64 on `backend` from `params` (cast to float64, so the check is far finer than a float32 step).
 * Its error is about h² J''' / 6 from truncation plus about u J / h from rounding.
 */
export async function centralDifference(
  backend: Backend,
  spec: NetworkSpec,
  params: Params,
  batch: Batch,
  at: WeightAt,
  h: number,
): Promise<number> {
  const spec64: NetworkSpec = { ...spec, dtype: 'float64' };
  const batch64 = { x: cast(batch.x, 'float64'), y: cast(batch.y, 'float64') };
  const cost = async (delta: number) => {
    const moved = params.map((p, l) => {
      const W = cast(p.W, 'float64');
      if (l === at.layer - 1) {
        const k = at.row * W.cols + at.col;
        W.data[k] = (W.data[k] as number) + delta;
      }
      return { W, b: cast(p.b, 'float64') };
    });
    const session = await backend.createSession(spec64, moved);
    try {
      // The step reports J before its update: the cost at exactly these parameters.
      return (await session.step(batch64, { learningRate: 1e-3 })).loss;
    } finally {
      session.dispose();
    }
  };
  return ((await cost(h)) - (await cost(-h))) / (2 * h);
}
