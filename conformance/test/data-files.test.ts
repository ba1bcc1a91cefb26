import { readdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadRandomData, randomDataPath } from '../src/cases/data-dir.js';
import { randomProblem } from '../src/cases/random-problem.js';
import { RANDOM_CASES } from '../src/cases/random-table.js';
import { renderRandomCase } from '../src/scripts/generate.js';

describe('stored reference data', () => {
  test.each(RANDOM_CASES.map((s) => [s.name, s] as const))('%s holds the problem its spec draws', (_, s) => {
    const file = loadRandomData(s.name);
    expect(file.id).toBe(`random/${s.name}`);
    expect(file.problem).toEqual(randomProblem(s));
  });

  // Every stored file, values and bound coefficients, byte for byte (all of them take about 5 s).
  test.each(RANDOM_CASES.map((s) => [s.name, s] as const))(
    'the generator reproduces %s exactly',
    (name, s) => {
      expect(renderRandomCase(s)).toBe(readFileSync(randomDataPath(name), 'utf8'));
    },
  );

  test('every stored file belongs to a case of the table', () => {
    const stored = readdirSync(dirname(randomDataPath('x'))).filter((f) => f.endsWith('.json'));
    expect(stored.sort()).toEqual(RANDOM_CASES.map((s) => `${s.name}.json`).sort());
  });
});
