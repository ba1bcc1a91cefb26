#!/usr/bin/env node
import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { dirname } from 'node:path';
import { parseArgs, USAGE } from './args.js';
import { runInChromium } from './browser-run.js';
import { renderChart } from './chart-svg.js';
import { collect, withRatios } from './collect.js';
import { machine } from './machine.js';
import { FULL_PLAN, QUICK_PLAN } from './plan.js';
import { renderMarkdown } from './report-md.js';
import { allRows, browserRows, demoRows, filterRows } from './rows.js';
import { type Report, rowId } from './types.js';

async function write(path: string | undefined, text: string): Promise<void> {
  if (!path) return;
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const rows = filterRows(allRows(), args.filter);
  const inBrowser = args.browser ? filterRows(browserRows(), args.filter) : [];
  const demo = args.browser ? filterRows(demoRows(), args.filter) : [];
  if (rows.length + inBrowser.length + demo.length === 0)
    throw new Error(`no row matches --filter ${args.filter}`);
  const command = ['onegrad-bench', ...argv].join(' ');
  const log = (line: string) => process.stderr.write(`${line}\n`);
  log(`${command}: ${rows.length} rows, one process each`);
  const loadBefore = loadavg()[0] ?? 0;
  const plan = args.quick ? QUICK_PLAN : FULL_PLAN;
  const { results, skipped, failures } = await collect(rows, plan, args.jobs, log);
  if (inBrowser.length + demo.length > 0) {
    log(`${inBrowser.length + demo.length} rows in headless Chromium`);
    const page = await runInChromium(inBrowser, demo, plan, log);
    // Ratios again over both sets: a Chromium row answers to its own Chromium rows only.
    results.splice(0, results.length, ...withRatios([...results, ...page.measured]));
    skipped.push(...page.skipped);
    failures.push(...page.failures);
  }
  const report: Report = { date: new Date().toISOString(), machine: machine(), rows: results, skipped };
  const markdown = renderMarkdown(report, {
    command,
    quick: args.quick,
    load: [loadBefore, loadavg()[0] ?? 0],
  });
  await write(args.json, `${JSON.stringify(report, null, 2)}\n`);
  await write(args.md, markdown);
  await write(args.svg, renderChart(report, { command }));
  process.stdout.write(markdown);
  for (const f of failures) log(`FAILED ${rowId(f.row)}:\n${f.error}`);
  return failures.length === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  },
);
