import { cast, dtypeOf, type Params } from '@onegrad/core';

/**
 * A copy of `params` whose output bias is raised by `shift`, pushing every output logit Z_L up so that
 * A_L = sigmoid(Z_L) rounds to exactly 1: the case where the seed's `error / (A2 (1 - A2))` divides by 0.
 */
export function saturateOutput(params: Params, shift: number): Params {
  return params.map((p, l) => {
    if (l !== params.length - 1) return { W: cast(p.W, dtypeOf(p.W.data)), b: cast(p.b, dtypeOf(p.b.data)) };
    const b = cast(p.b, dtypeOf(p.b.data));
    for (let i = 0; i < b.data.length; i++) b.data[i] = (b.data[i] as number) + shift;
    return { W: cast(p.W, dtypeOf(p.W.data)), b };
  });
}
