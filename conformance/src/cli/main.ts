#!/usr/bin/env node
import { writeFileSync } from 'node:fs';
import { THRESHOLD } from '../error-model/constants.js';
import { formatCaseFailure } from '../runner/format-failure.js';
import { formatReport } from '../runner/format-report.js';
import type { BackendReport } from '../runner/report.js';
import { runConformance } from '../runner/run-conformance.js';
import type { ConformanceTarget } from '../target.js';
import { type CliArgs, parseArgs, USAGE, UsageError } from './args.js';
import { reportJson } from './json-report.js';
import { loadTargets } from './load-config.js';

/** Runs the suite on every configured target; returns the exit code (0 pass, 1 fail, 2 usage). */
async function main(argv: readonly string[]): Promise<number> {
  let args: CliArgs;
  let targets: ConformanceTarget[];
  try {
    args = parseArgs(argv);
    if (args.help) {
      console.log(USAGE);
      return 0;
    }
    targets = await loadTargets(args.config);
    const unknown = (args.only ?? []).filter((n) => !targets?.some((t) => t.name === n));
    if (unknown.length > 0)
      throw new UsageError(
        `--only: no target named ${unknown.join(', ')}; known: ${targets.map((t) => t.name).join(', ')}`,
      );
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`onegrad-conformance: ${error.message}\n${USAGE}`);
    return 2;
  }
  const chosen = targets.filter((t) => !args.only || args.only.includes(t.name));
  const backends: BackendReport[] = [];
  for (const [i, target] of chosen.entries()) {
    // Each target hands its parameters to the next one in the switch cases.
    const partner = chosen.length > 1 ? chosen[(i + 1) % chosen.length] : undefined;
    const report = await runConformance(target, {
      ...(args.cases ? { only: args.cases } : {}),
      ...(partner ? { partner } : {}),
      onCase: (name, r) =>
        process.stderr.write(
          `${r.pass ? 'ok  ' : 'FAIL'} ${name} ${r.dtype} ${r.id} (${r.ms.toFixed(0)} ms)\n`,
        ),
    });
    backends.push(...report.backends);
  }
  const report = { threshold: THRESHOLD, backends };
  for (const b of backends)
    for (const r of b.results) if (!r.pass) console.log(`${formatCaseFailure(b.name, r)}\n`);
  console.log(formatReport(report));
  if (args.json) writeFileSync(args.json, reportJson(report));
  return backends.every((b) => b.pass) ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(error);
    process.exitCode = 1;
  },
);
