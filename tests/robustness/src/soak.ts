#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { leaks, mb, type SoakReport, soak } from './soak-run.js';
import { selectTargets } from './targets.js';

// node tests/robustness/dist/soak.js [--steps 100000] [--only ts,onnx/float64] [--json report.json]
const { values } = parseArgs({
  options: {
    steps: { type: 'string', default: '100000' },
    only: { type: 'string' },
    json: { type: 'string' },
  },
});
const steps = Number(values.steps);
if (!Number.isInteger(steps) || steps < 1) {
  console.error(`--steps: expected a positive integer, got ${values.steps}`);
  process.exit(2);
}
const targets = selectTargets(values.only?.split(',').filter(Boolean) ?? []);
const reports: SoakReport[] = [];
const row = (cells: (string | number)[]) => console.log(cells.map((c) => String(c).padStart(14)).join(''));
row(['backend', 'steps', 'steps/s', 'rss MB', 'heap MB', 'external MB', 'tfjs tensors']);
for (const target of targets) {
  const r = await soak(target, steps);
  reports.push(r);
  const pair = (k: 'rss' | 'heapUsed' | 'external') => `${mb(r.start[k])}->${mb(r.end[k])}`;
  const tensors = r.start.tensors === undefined ? 'n/a' : `${r.start.tensors}->${r.end.tensors}`;
  row([
    r.label,
    r.steps,
    Math.round(r.steps / r.seconds),
    pair('rss'),
    pair('heapUsed'),
    pair('external'),
    tensors,
  ]);
}
if (values.json) {
  const { writeFile } = await import('node:fs/promises');
  await writeFile(values.json, `${JSON.stringify(reports, null, 2)}\n`);
}
const found = reports.flatMap(leaks);
for (const line of found) console.error(`growth beyond noise: ${line}`);
console.log(found.length === 0 ? 'no growth beyond noise' : `${found.length} growth(s) beyond noise`);
process.exit(found.length === 0 ? 0 : 1);
