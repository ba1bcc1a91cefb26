import { QUANTITIES } from '../error-model/quantity.js';
import { deviationText } from '../runner/deviations.js';
import { formatCaseFailure, formatRatio } from '../runner/format-failure.js';
import type { ConformanceReport } from '../runner/report.js';
import { escapeMarkup as esc } from './escape-markup.js';
import { worstOf } from './junit-report.js';

const STYLE = `body{font:14px/1.4 system-ui,sans-serif;margin:2rem;color:#222}
table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:right}
th:first-child,td:first-child,td.id,td.desc{text-align:left}.fail{background:#fdd}.pass{background:#dfd}
pre{white-space:pre-wrap;margin:.25rem 0;font-size:12px}details{margin:.25rem 0}`;

/**
 * The report as one self-contained HTML page (no script, no external resource): the matrix backend x
 * dtype x quantity, the declared deviations with their verdict, and per backend and dtype every case
 * with its description, worst ratio and, for a failure, its message.
 */
export function reportHtml(report: ConformanceReport, title = 'onegrad conformance'): string {
  const head = ['backend', 'dtype', 'runtime', ...QUANTITIES, 'cases', 'skipped', 'deviations', 'result'];
  const matrix = report.backends.map((b) => {
    const cells = [
      b.name,
      b.dtype,
      b.runtime,
      ...QUANTITIES.map((q) => (b.results.some((r) => r.at[q]) ? formatRatio(b.worst[q]) : '-')),
      String(b.cases),
      String(b.skipped.length),
      b.deviations.length === 0
        ? 'none'
        : b.deviations.map((d) => `${deviationText(d)} (${d.status})`).join(', '),
      b.unavailable ? `not run: ${b.unavailable.reason}` : b.pass ? 'pass' : `FAIL (${b.failed.length})`,
    ];
    return `<tr class="${b.pass ? 'pass' : 'fail'}">${cells.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`;
  });
  const sections = report.backends.map((b) => {
    const rows = b.results.map((r) => {
      const detail = r.pass
        ? ''
        : `<details><summary>why</summary><pre>${esc(formatCaseFailure(b.name, r))}</pre></details>`;
      const notes = r.notes.map((n) => `<pre>note: ${esc(n)}</pre>`).join('');
      return `<tr class="${r.pass ? 'pass' : 'fail'}"><td class="id">${esc(r.id)}</td><td class="desc">${esc(r.description)}${detail}${notes}</td><td>${esc(formatRatio(worstOf(r.worst)))}</td><td>${r.pass ? 'pass' : 'FAIL'}</td></tr>`;
    });
    const skipped = b.skipped.map(
      (s) =>
        `<tr><td class="id">${esc(s.case)}</td><td class="desc">skipped: ${esc(s.reason)}</td><td>-</td><td>skipped</td></tr>`,
    );
    const deviations = b.deviations
      .map((d) => `<li>${esc(d.name)}: ${esc(d.status)} by ${esc(d.checkedBy)}</li>`)
      .join('');
    return `<section><h2>${esc(`${b.name} ${b.dtype} (${b.runtime})`)}</h2>${deviations ? `<p>Declared deviations:</p><ul>${deviations}</ul>` : '<p>Declared deviations: none.</p>'}
<table><thead><tr><th>case</th><th>what it checks</th><th>worst ratio</th><th>result</th></tr></thead><tbody>
${[...rows, ...skipped].join('\n')}
</tbody></table></section>`;
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title><style>${STYLE}</style></head>
<body><h1>${esc(title)}</h1>
<p>Worst ratio |backend - reference| / bound per quantity; every ratio must be at most ${report.threshold}.</p>
<table id="matrix"><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>
${matrix.join('\n')}
</tbody></table>
${sections.join('\n')}
</body></html>
`;
}
