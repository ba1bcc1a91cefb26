import { formatTime, rowLabel } from './format.js';
import type { Impl, Report } from './types.js';

/** What the chart says about how it was made. */
export interface ChartOptions {
  readonly command: string;
}

const COLORS: Record<Impl, string> = {
  'onegrad-ts': '#1f77b4',
  'onegrad-tfjs': '#e6550d',
  'onegrad-onnx': '#2ca02c',
  'tfjs-layers': '#fdae6b',
  brainjs: '#9e9ac8',
  'plain-loop': '#a0a0a0',
  'ort-gemm-floor': '#333333',
  'demo-page': '#17becf',
};

const WIDTH = 960;
const LABEL = 200;
const PLOT = 660;
const BAR = 14;
const GAP = 4;

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function text(x: number, y: number, content: string, attrs = ''): string {
  return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}"${attrs ? ` ${attrs}` : ''}>${escapeXml(content)}</text>`;
}

/**
 * A horizontal bar chart of every row's median step time, with a whisker from its minimum to its
 * maximum, on one log-scale axis shared by all workloads (further left is faster), one panel per
 * workload, written as plain SVG.
 */
export function renderChart(report: Report, options: ChartOptions): string {
  const workloads = [...new Set(report.rows.map((r) => r.workload))];
  const lo = 10 ** Math.floor(Math.log10(Math.min(...report.rows.map((r) => r.minMs), 1)));
  const hi = 10 ** Math.ceil(Math.log10(Math.max(...report.rows.map((r) => r.maxMs), 1)));
  const xOf = (ms: number) => LABEL + (PLOT * Math.log10(ms / lo)) / Math.log10(hi / lo);
  const top = 48;
  const axisY = top + workloads.length * 28 + report.rows.length * (BAR + GAP);
  // The grid goes first so that the bars are drawn over it.
  const parts: string[] = [];
  for (let t = lo; t <= hi * 1.0001; t *= 10) {
    const x = xOf(t).toFixed(1);
    parts.push(`<line x1="${x}" y1="${top}" x2="${x}" y2="${axisY}" stroke="#ddd"/>`);
    parts.push(text(xOf(t), axisY + 14, formatTime(t), 'text-anchor="middle"'));
  }
  let y = top + 10;
  for (const workload of workloads) {
    parts.push(text(8, y + 12, workload, 'font-weight="bold"'));
    y += 20;
    for (const row of report.rows.filter((r) => r.workload === workload)) {
      const x1 = xOf(row.medianMs);
      const mid = (y + BAR / 2).toFixed(1);
      parts.push(text(LABEL - 6, y + BAR - 3, rowLabel(row), 'text-anchor="end"'));
      parts.push(
        `<rect x="${LABEL}" y="${y}" width="${Math.max(1, x1 - LABEL).toFixed(1)}" height="${BAR}" fill="${COLORS[row.impl]}"/>`,
      );
      parts.push(
        `<line x1="${xOf(row.minMs).toFixed(1)}" y1="${mid}" x2="${xOf(row.maxMs).toFixed(1)}" y2="${mid}" stroke="#000" stroke-width="1"/>`,
      );
      parts.push(text(Math.max(x1, xOf(row.maxMs)) + 4, y + BAR - 3, formatTime(row.medianMs)));
      y += BAR + GAP;
    }
    y += 8;
  }
  const { machine } = report;
  const title = 'onegrad: one training step, median time and min-max (log scale, shorter is faster)';
  const provenance = `${report.date.slice(0, 10)} · ${machine.cpu}, ${machine.cores} cores, Node ${machine.node} · ${options.command}`;
  const height = axisY + 26;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif" font-size="11">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${WIDTH}" height="${height}" fill="#fff"/>`,
    text(8, 18, title, 'font-weight="bold"'),
    text(8, 36, provenance, 'fill="#555"'),
    ...parts,
    '</svg>',
    '',
  ].join('\n');
}
