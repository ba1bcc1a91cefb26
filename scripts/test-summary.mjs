// Sums the per-package test counts of a `pnpm test` log into one closing line: "tests: N passed, N failed".
import { readFileSync } from 'node:fs';
import { stripVTControlCharacters } from 'node:util';

const log = stripVTControlCharacters(readFileSync(process.argv[2] ?? 0, 'utf8'));
let passed = 0;
let failed = 0;
let skipped = 0;
for (const line of log.split('\n')) {
  const m = /^\S*\s*Tests\s+(.*)\(\d+\)\s*$/.exec(line);
  if (!m) continue;
  passed += Number(/(\d+) passed/.exec(m[1])?.[1] ?? 0);
  failed += Number(/(\d+) failed/.exec(m[1])?.[1] ?? 0);
  skipped += Number(/(\d+) skipped/.exec(m[1])?.[1] ?? 0);
}
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
