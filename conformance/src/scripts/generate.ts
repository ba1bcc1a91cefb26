import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomDataPath } from '../cases/data-dir.js';
import { renderDataFile } from '../cases/data-file.js';
import { referenceInputOf } from '../cases/problem.js';
import { randomProblem } from '../cases/random-problem.js';
import { RANDOM_CASES, type RandomCaseSpec } from '../cases/random-table.js';
import { referenceStep } from '../reference/step.js';

/** The data file text of one random case: its problem and the reference step with bounds. */
export function renderRandomCase(spec: RandomCaseSpec): string {
  const problem = randomProblem(spec);
  return renderDataFile(`random/${spec.name}`, problem, referenceStep(referenceInputOf(problem)));
}

/** Regenerates `data/random/*.json` (all cases, or those named on the command line). */
function main(names: string[]): void {
  const unknown = names.filter((n) => !RANDOM_CASES.some((s) => s.name === n));
  if (unknown.length > 0) {
    console.error(
      `unknown case(s): ${unknown.join(', ')}; known: ${RANDOM_CASES.map((s) => s.name).join(', ')}`,
    );
    process.exit(2);
  }
  for (const spec of RANDOM_CASES.filter((s) => names.length === 0 || names.includes(s.name))) {
    const start = performance.now();
    const path = randomDataPath(spec.name);
    mkdirSync(dirname(path), { recursive: true });
    const text = renderRandomCase(spec);
    writeFileSync(path, text);
    console.log(
      `${spec.name}: ${(text.length / 1024).toFixed(0)} KiB in ${((performance.now() - start) / 1000).toFixed(1)} s`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main(process.argv.slice(2));
