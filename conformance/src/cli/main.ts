#!/usr/bin/env node
import { writeFileSync } from 'node:fs';
import { type BrowserRun, startBrowserRun } from '../browser/run-browser.js';
import type { PageEngine } from '../browser/wire.js';
import { THRESHOLD } from '../error-model/constants.js';
import { formatCaseFailure } from '../runner/format-failure.js';
import { formatReport } from '../runner/format-report.js';
import type { BackendReport, ConformanceReport } from '../runner/report.js';
import { runConformance } from '../runner/run-conformance.js';
import { SelectionError } from '../runner/selection-error.js';
import { unavailableReport } from '../runner/summarize.js';
import type { ConformanceTarget } from '../target.js';
import { type CliArgs, EXIT, parseArgs, USAGE, UsageError } from './args.js';
import { reportHtml } from './html-report.js';
import { reportJson } from './json-report.js';
import { reportJunit } from './junit-report.js';
import { loadTargets } from './load-config.js';
import { loadModuleTarget } from './load-module.js';

/** The targets to run and the switch partner: `--module`'s one target, or the config's, filtered by `--only`. */
async function chooseTargets(
  args: CliArgs,
  browserNames: readonly string[],
): Promise<{ chosen: ConformanceTarget[]; partner?: ConformanceTarget }> {
  if (args.module !== undefined)
    return { chosen: [await loadModuleTarget({ ...args, module: args.module })] };
  const targets = await loadTargets(args.config);
  const known = [...targets.map((t) => t.name), ...browserNames].join(', ');
  const unknown = [
    ...(args.only ?? []).filter((n) => !browserNames.includes(n)),
    ...(args.partner ? [args.partner] : []),
  ].filter((n) => !targets.some((t) => t.name === n));
  if (unknown.length > 0)
    throw new UsageError(`--only/--partner: no target named ${unknown.join(', ')}; known: ${known}`);
  const chosen = targets.filter((t) => !args.only || args.only.includes(t.name));
  // The partner rule: every target hands its parameters to one partner, the first configured target
  // (the reference engine) unless --partner names another; the partner's own faults are notes.
  const partner = args.partner
    ? targets.find((t) => t.name === args.partner)
    : targets.length > 1
      ? targets[0]
      : undefined;
  return { chosen, ...(partner ? { partner } : {}) };
}

/** Runs the suite on every chosen target; returns the exit code (see EXIT). */
async function main(argv: readonly string[]): Promise<number> {
  let args: CliArgs;
  let chosen: ConformanceTarget[];
  let partner: ConformanceTarget | undefined;
  try {
    args = parseArgs(argv);
    if (args.help) {
      console.log(USAGE);
      return EXIT.pass;
    }
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`onegrad-conformance: ${error.message}\n${USAGE}`);
    return EXIT.usage;
  }
  const browser = args.browser ? await startBrowser() : undefined;
  try {
    try {
      const names = browser ? [...browser.targets, ...browser.unavailable].map((t) => t.name) : [];
      ({ chosen, partner } = await chooseTargets(args, names));
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      console.error(`onegrad-conformance: ${error.message}\n${USAGE}`);
      return EXIT.usage;
    }
    const selected = (name: string) => !args.only || args.only.includes(name);
    if (browser) chosen.push(...browser.targets.filter((t) => selected(t.name)));
    return await runAndReport(
      args,
      chosen,
      partner,
      (browser?.unavailable ?? []).filter((e) => selected(e.name)),
    );
  } finally {
    await browser?.close();
  }
}

/** Starts the browser engines, printing the browser's version and how long starting took. */
async function startBrowser(): Promise<BrowserRun> {
  const started = performance.now();
  const run = await startBrowserRun();
  process.stderr.write(
    `chromium ${run.browserVersion}: page built and engines started in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
  return run;
}

/** Runs the chosen targets, prints the report and writes the files asked for; returns the exit code. */
async function runAndReport(
  args: CliArgs,
  chosen: readonly ConformanceTarget[],
  partner: ConformanceTarget | undefined,
  unavailable: readonly PageEngine[],
): Promise<number> {
  const backends: BackendReport[] = [];
  for (const target of chosen) {
    try {
      const report = await runConformance(target, {
        ...(args.cases ? { only: args.cases } : {}),
        ...(partner && partner !== target ? { partner } : {}),
        onCase: (name, r) =>
          process.stderr.write(
            `${r.pass ? 'ok  ' : 'FAIL'} ${name} ${r.dtype} ${r.id} (${r.ms.toFixed(0)} ms)\n`,
          ),
      });
      backends.push(...report.backends);
    } catch (error) {
      if (!(error instanceof SelectionError)) throw error;
      console.error(`onegrad-conformance: ${error.message}`);
      return EXIT.usage;
    }
  }
  // An engine that could not start still gets its row, with the reason measured in the page.
  for (const e of unavailable)
    backends.push(
      unavailableReport(e.name, 'chromium', 'float32', {
        reason: e.unavailable ?? 'unknown',
        tried: e.tried,
      }),
    );
  const report: ConformanceReport = { threshold: THRESHOLD, backends };
  for (const b of backends)
    for (const r of b.results) if (!r.pass) console.log(`${formatCaseFailure(b.name, r)}\n`);
  console.log(formatReport(report));
  if (args.json) writeFileSync(args.json, reportJson(report));
  if (args.junit) writeFileSync(args.junit, reportJunit(report));
  if (args.html) writeFileSync(args.html, reportHtml(report));
  // A tried engine that cannot run is reported, not failed; a required one that cannot run fails the run.
  return backends.every((b) => b.pass || b.unavailable?.tried) ? EXIT.pass : EXIT.fail;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(error);
    process.exitCode = EXIT.internal;
  },
);
