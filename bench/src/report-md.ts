import { formatMs, formatRatio, rowLabel } from './format.js';
import { checkTargets } from './targets.js';
import { type Report, type RowResult, type RowSkip, rowId } from './types.js';
import { WORKLOADS } from './workloads.js';

/** What the markdown says about how it was made. */
export interface MarkdownOptions {
  readonly command: string;
  readonly quick: boolean;
  /** The 1-minute load average before and after the run: other work on the machine skews timings. */
  readonly load: readonly [number, number];
}

function peers(row: RowResult): string {
  const entries = Object.entries(row.vs).filter(([key]) => key !== 'ort-gemm-floor');
  return entries.map(([key, ratio]) => `${formatRatio(ratio)} ${key}`).join(', ');
}

function tableRow(row: RowResult): string {
  const floor = row.vs['ort-gemm-floor'];
  const cells = [
    row.workload,
    row.stepsPerSecond === undefined
      ? rowLabel(row)
      : `${rowLabel(row)}: ${Math.round(row.stepsPerSecond).toLocaleString('en')} steps/s`,
    formatMs(row.medianMs),
    `${formatMs(row.minMs)}–${formatMs(row.maxMs)}`,
    row.gflops.toPrecision(3),
    row.peakRssMb?.toFixed(0) ?? '',
    peers(row),
    floor === undefined ? '' : formatRatio(floor),
  ];
  return `| ${cells.join(' | ')} |`;
}

function workloadLine(id: string): string {
  const w = WORKLOADS.find((c) => c.id === id);
  if (!w) return id;
  // Named only where they differ from the sigmoid default, so W1-W4 read as they always have.
  const activations = w.activations ? `, ${w.activations.join('/')}` : '';
  return `${w.id} "${w.name}": ${w.sizes.join('-')}, batch ${w.batch}${activations}, ${w.loss}`;
}

function skipLines(skipped: readonly RowSkip[]): string[] {
  if (skipped.length === 0) return [];
  return [
    '## Skipped',
    '',
    'Planned but not measured: the backend refuses the spec (it has no kernel for it yet).',
    '',
    '| row | reason |',
    '|---|---|',
    ...skipped.map((s) => `| ${rowId(s)} | ${s.reason.replace(/\|/g, '\\|')} |`),
    '',
  ];
}

/** The report as markdown: provenance, the table, the targets met or missed. */
export function renderMarkdown(report: Report, options: MarkdownOptions): string {
  const { machine } = report;
  const skipped = report.skipped ?? [];
  const ids = [...new Set([...report.rows, ...skipped].map((r) => r.workload))];
  const lines = [
    '# onegrad benchmark: one training step',
    '',
    `- date: ${report.date}`,
    `- machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}`,
    `- command: \`${options.command}\`${options.quick ? ' (quick mode: rough timings, for smoke tests only)' : ''}`,
    `- 1-minute load average: ${options.load[0].toFixed(2)} before the run, ${options.load[1].toFixed(2)} after`,
    `- workloads: ${ids.map(workloadLine).join('; ')}`,
    '',
    'Step time is the median over samples after warm-up; GFLOP/s counts the matrix products the step needs',
    "(see bench/README.md); ratios are this row's time over the peer's (below 1 is faster); the floor is",
    "onnxruntime running only the step's matrix products on one thread.",
    ...(report.rows.some((r) => r.impl === 'demo-page')
      ? [
          'demo-page rows are the demo page\'s own "Measure steps/s" on the seed net (about a second of',
          "session.train calls in its engine worker, per press); their time is one over the page's rate.",
        ]
      : []),
    '',
    '| workload | implementation | median ms | min–max ms | GFLOP/s | peak RSS MB | vs peer | vs floor |',
    '|---|---|---:|---:|---:|---:|---|---:|',
    ...report.rows.map(tableRow),
    '',
    ...skipLines(skipped),
  ];
  const checks = checkTargets(report.rows);
  if (checks.length > 0) {
    lines.push('## Targets', '', '| target | measured | met |', '|---|---|---|');
    for (const c of checks)
      lines.push(`| ${c.target} | ${c.measured} | ${c.met ? 'yes' : `no: ${c.miss}`} |`);
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}
