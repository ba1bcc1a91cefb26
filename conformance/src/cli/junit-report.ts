import { QUANTITIES } from '../error-model/quantity.js';
import { deviationText } from '../runner/deviations.js';
import { formatCaseFailure, formatRatio } from '../runner/format-failure.js';
import type { ConformanceReport } from '../runner/report.js';
import { escapeMarkup } from './escape-markup.js';

/** The worst ratio of a case over every quantity, for a one-line summary. */
export function worstOf(worst: Readonly<Record<string, number>>): number {
  return Math.max(0, ...QUANTITIES.map((q) => worst[q] ?? 0));
}

/**
 * The report as JUnit XML, what CI systems read: one `<testsuite>` per backend and dtype, one
 * `<testcase>` per case (its description and worst ratio in `<system-out>`), a `<failure>` with the
 * failure text, `<skipped>` with the target's reason, and the declared deviations as properties.
 */
export function reportJunit(report: ConformanceReport): string {
  const suites = report.backends.map((b) => {
    const suite = b.runtime === 'node' ? `${b.name} ${b.dtype}` : `${b.name} ${b.dtype} ${b.runtime}`;
    const time = b.results.reduce((s, r) => s + r.ms, 0) / 1000;
    const props = [
      `      <property name="threshold" value="${report.threshold}"/>`,
      `      <property name="runtime" value="${escapeMarkup(b.runtime)}"/>`,
      ...(b.unavailable
        ? [`      <property name="unavailable" value="${escapeMarkup(b.unavailable.reason)}"/>`]
        : []),
      `      <property name="deviations" value="${escapeMarkup(b.deviations.map(deviationText).join(',') || 'none')}"/>`,
    ];
    const cases = b.results.map((r) => {
      const head = `    <testcase classname="${escapeMarkup(`onegrad.${b.name}.${b.dtype}`)}" name="${escapeMarkup(r.id)}" time="${(r.ms / 1000).toFixed(3)}">`;
      const out = `      <system-out>${escapeMarkup(`${r.description}\nworst ratio ${formatRatio(worstOf(r.worst))}`)}</system-out>`;
      const failure = r.pass
        ? []
        : [
            `      <failure message="${escapeMarkup(r.problems[0] ?? `ratio above ${report.threshold}`)}" type="conformance">${escapeMarkup(formatCaseFailure(b.name, r))}</failure>`,
          ];
      return [head, ...failure, out, '    </testcase>'].join('\n');
    });
    const skipped = b.skipped.map(
      (s) =>
        `    <testcase classname="${escapeMarkup(`onegrad.${b.name}.${b.dtype}`)}" name="${escapeMarkup(s.case)}" time="0">\n      <skipped message="${escapeMarkup(s.reason)}"/>\n    </testcase>`,
    );
    return [
      `  <testsuite name="${escapeMarkup(suite)}" tests="${b.results.length + b.skipped.length}" failures="${b.failed.length}" errors="0" skipped="${b.skipped.length}" time="${time.toFixed(3)}">`,
      '    <properties>',
      ...props,
      '    </properties>',
      ...cases,
      ...skipped,
      '  </testsuite>',
    ].join('\n');
  });
  const tests = report.backends.reduce((s, b) => s + b.results.length + b.skipped.length, 0);
  const failures = report.backends.reduce((s, b) => s + b.failed.length, 0);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="onegrad conformance" tests="${tests}" failures="${failures}">\n${suites.join('\n')}\n</testsuites>\n`;
}
