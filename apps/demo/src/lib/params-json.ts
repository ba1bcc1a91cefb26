import type { NetworkSpec, Params } from '@onegrad/core';

/**
 * The spec and parameters as JSON text. Numbers are written with the shortest text that reads back to
 * the same float64, so float32 values round-trip exactly too.
 */
export function paramsToJson(spec: NetworkSpec, params: Params): string {
  const layers = params.map((p) => ({
    W: { rows: p.W.rows, cols: p.W.cols, data: Array.from(p.W.data) },
    b: { rows: p.b.rows, cols: p.b.cols, data: Array.from(p.b.data) },
  }));
  return `${JSON.stringify({ format: 'onegrad-params/1', spec, params: layers }, null, 1)}\n`;
}
