import { type DType, MIN_NORMAL, matrix, type NetworkSpec } from '@onegrad/core';
import type { ConformanceCase } from './case.js';

/** Id of the case that checks a target's `flushesSubnormals` against what its engine does. */
export const SUBNORMALS_CASE = 'deviations/flushes-subnormals';

/**
 * Two results whose exact values are subnormal, in a 2-1 sigmoid + bce network: Z = x W for
 * x = W = 2^-70 (float32; 2^-520 in float64), a single exact product, and A = sigma(z) at z = -88
 * (float32; -709 in float64), where e^-z is still finite, so even a naive 1 / (1 + e^-z) returns
 * the subnormal unless the engine flushes.
 */
function probe(dtype: DType) {
  const [tiny, z] = dtype === 'float32' ? [2 ** -70, -88] : [2 ** -520, -709];
  const spec: NetworkSpec = { sizes: [2, 1], loss: 'bce', dtype };
  return {
    spec,
    params: [{ W: matrix(2, 1, [tiny, z], dtype), b: matrix(1, 1, [0], dtype) }],
    x: matrix(2, 2, [tiny, 0, 0, 1], dtype),
    y: matrix(2, 1, [0, 0], dtype),
  };
}

const subnormal = (v: number | undefined, dtype: DType) =>
  v !== undefined && v !== 0 && Math.abs(v) < MIN_NORMAL[dtype];

/**
 * A declared deviation must be real: a target that says it flushes subnormals must flush at least
 * one of two results whose exact value is subnormal (otherwise the looser bound it asks for hides
 * errors, such as an exp that overflows), and a target that does not say so must keep both.
 */
export function deviationCases(): ConformanceCase[] {
  return [
    {
      id: SUBNORMALS_CASE,
      description:
        'flushesSubnormals matches the engine: Z = 2^-70 * 2^-70 and sigma(-88) (float32) come back as subnormals unless it is declared, and not both when it is',
      async run(ctx) {
        const { spec, params, x, y } = probe(ctx.dtype);
        const s = await ctx.backend.createSession(spec, params);
        try {
          const out = await s.forward(x);
          const r = await s.step({ x, y }, { learningRate: 0.125, trace: true });
          const layer = r.trace?.layers[0];
          const seen: [string, number | undefined][] = [
            ['Z (0, 0) = x W', layer?.z.data[0]],
            ['forward() A (1, 0) = sigma(z)', out.data[1]],
            ['trace A (1, 0) = sigma(z)', layer?.a.data[1]],
          ];
          const kept = seen.filter(([, v]) => subnormal(v, ctx.dtype));
          const text = seen.map(([n, v]) => `${n}: ${v}`).join(', ');
          const id = SUBNORMALS_CASE;
          if (ctx.flushesSubnormals && kept.length === seen.length) {
            ctx.tally.problems.push(
              `${id}: the target declares flushesSubnormals, but the engine keeps subnormal results (${text}); drop the declaration: it loosens every bound to MIN_NORMAL per underflowing operation and hides real errors (a zero where the reference is subnormal is then an exp overflow, not a flush)`,
            );
          }
          if (!ctx.flushesSubnormals && kept.length < seen.length) {
            ctx.tally.problems.push(
              `${id}: results whose exact value is subnormal came back as ${text}; an engine that flushes subnormals declares flushesSubnormals: true (shown in every report), otherwise a 0 for sigma(z) is exp(-z) overflowing: compute e^-|z|`,
            );
          }
        } finally {
          s.dispose();
        }
      },
    },
  ];
}
