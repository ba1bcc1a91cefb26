import type { GraphBuilder } from './graph-builder.js';

/**
 * Emits m, the number of rows of `x`, as a float scalar read from the symbolic batch dimension at
 * run time: Shape -> Gather(0) -> Cast. It divides the cost and the parameter gradients.
 */
export function emitBatchSize(g: GraphBuilder, x: string): string {
  const shape = g.op('Shape', [x]);
  const rows = g.op('Gather', [shape, g.int64('row_axis', [0], [])], undefined, { axis: 0 });
  return g.op('Cast', [rows], 'm', { to: g.type });
}
