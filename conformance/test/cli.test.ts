import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

// The CLI runs from dist: the package's test script builds first (turbo's test depends on build).
const main = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const cli = (...args: string[]) =>
  spawnSync(process.execPath, [main, ...args], { encoding: 'utf8', timeout: 60_000 });

describe('onegrad-conformance CLI', () => {
  test.each([
    [['--bogus'], 'unknown argument'],
    [['--config'], '--config needs a value'],
    [['--config', '/does/not/exist.mjs'], 'does not exist'],
    [['--config', fixture('not-targets.config.mjs')], 'array of ConformanceTarget'],
    [['--config', fixture('broken.config.mjs'), '--only', 'nobody'], 'no target named nobody'],
  ])('exits 2 on %j', (args, message) => {
    const r = cli(...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain('usage:');
  });

  test('exits 1, prints the matrix and writes the JSON report when a backend fails', () => {
    const json = join(mkdtempSync(join(tmpdir(), 'onegrad-')), 'report.json');
    const r = cli('--config', fixture('broken.config.mjs'), '--json', json, '--cases', 'seed/*');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('no engine here');
    expect(r.stdout).toMatch(/broken\s+float32.*FAIL \(2\)/);
    const report = JSON.parse(readFileSync(json, 'utf8'));
    expect(report.threshold).toBe(1);
    expect(report.backends[0]).toMatchObject({ name: 'broken', dtype: 'float32', cases: 2, pass: false });
    expect(Object.keys(report.backends[0].worst)).toEqual([
      'Z',
      'A',
      'loss',
      'dA',
      'dZ',
      'dW',
      'db',
      'W',
      'b',
    ]);
  });
});
