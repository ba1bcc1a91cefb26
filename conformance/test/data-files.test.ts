import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadRandomData, randomDataPath } from '../src/cases/data-dir.js';
import { randomProblem } from '../src/cases/random-problem.js';
import { RANDOM_CASES, type RandomCaseSpec } from '../src/cases/random-table.js';
import { renderRandomCase } from '../src/scripts/generate.js';

const spec = (name: string) => RANDOM_CASES.find((s) => s.name === name) as RandomCaseSpec;

describe('stored reference data', () => {
  test.each(RANDOM_CASES.map((s) => [s.name, s] as const))('%s holds the problem its spec draws', (_, s) => {
    const file = loadRandomData(s.name);
    expect(file.id).toBe(`random/${s.name}`);
    expect(file.problem).toEqual(randomProblem(s));
  });

  // Regenerating the reference is the slow part; a spread of depths, losses and targets is rerun in full.
  test.each([
    'd1-w1-b1-bce-hard',
    'd2-b5-mse-soft',
    'd4-b9-mse-hard',
    'd3-b16-bce-soft',
    'd4-w2-b2-mse-hard',
  ])('the generator reproduces %s exactly', (name) => {
    expect(renderRandomCase(spec(name))).toBe(readFileSync(randomDataPath(name), 'utf8'));
  });
});
