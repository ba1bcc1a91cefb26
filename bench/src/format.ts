/** A time in milliseconds with about three significant digits, e.g. `0.0123`, `4.56`, `381`. */
export function formatMs(ms: number): string {
  if (ms >= 100) return ms.toFixed(0);
  if (ms >= 10) return ms.toFixed(1);
  if (ms >= 1) return ms.toFixed(2);
  return ms.toPrecision(3);
}

/** A ratio of times as a factor, e.g. `0.031×`. */
export function formatRatio(ratio: number): string {
  return `${ratio >= 10 ? ratio.toFixed(0) : ratio.toPrecision(2)}×`;
}

/**
 * A row's label in tables and the chart, e.g. `onegrad-tfjs wasm`, `onegrad-ts f64 ×1000`, `onegrad-onnx 2t`,
 * `demo-page webgl (chromium)`.
 */
export function rowLabel(row: {
  impl: string;
  engine: string;
  dtype: string;
  stepsPerCall?: number;
  threads?: number;
  runtime?: string;
}): string {
  // The demo page's ts engine is named, since the page runs several engines on one impl.
  const js = row.impl === 'demo-page' ? ' ts' : '';
  const engine =
    row.engine === 'js' ? js : row.engine === 'ort-cpu' ? '' : ` ${row.engine.replace('tfjs-', '')}`;
  const dtype = row.dtype === 'float64' ? ' f64' : '';
  const steps = (row.stepsPerCall ?? 1) > 1 ? ` ×${row.stepsPerCall}` : '';
  const threads = (row.threads ?? 1) > 1 ? ` ${row.threads}t` : '';
  const runtime = row.runtime === undefined ? '' : ` (${row.runtime})`;
  return `${row.impl}${engine}${dtype}${steps}${threads}${runtime}`;
}

/** A time with a unit that keeps it readable, e.g. `9.57 µs`, `2.80 ms`, `416 ms`. */
export function formatTime(ms: number): string {
  return ms < 1 ? `${Number((ms * 1000).toPrecision(3))} µs` : `${Number(ms.toPrecision(3))} ms`;
}
