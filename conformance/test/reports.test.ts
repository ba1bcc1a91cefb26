import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { chromium } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { reportHtml } from '../src/cli/html-report.js';
import { reportJunit } from '../src/cli/junit-report.js';
import { runConformance } from '../src/runner/run-conformance.js';
import { createNaiveBackend } from './fixtures/naive-backend.js';

const main = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const cli = (...args: string[]) =>
  spawnSync(process.execPath, [main, ...args], { encoding: 'utf8', timeout: 60_000 });
const CHROMIUM = process.env.ONEGRAD_CHROMIUM ?? '/usr/bin/chromium';

// A report with passing, failing (a refuted flush declaration, markup in the messages) and skipped cases.
async function sampleReport() {
  return runConformance(
    {
      name: 'naive <&> "x"',
      create: () => createNaiveBackend(),
      flushesSubnormals: true,
      skip: { 'float64:*': 'float32 only <here>' },
      dtypes: ['float32'],
    },
    { only: ['seed/sigmoid+bce', 'contract/order', 'deviations/*'] },
  );
}

describe('report files', () => {
  test('the JUnit XML parses, with one testcase per case, the failure and the skips', async () => {
    const xml = reportJunit(await sampleReport());
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({
      ignoreAttributes: false,
      isArray: (name) => ['testsuite', 'testcase'].includes(name),
    }).parse(xml);
    const suites = doc.testsuites.testsuite;
    expect(suites.map((s: Record<string, string>) => s['@_name'])).toEqual([
      'naive <&> "x" float32',
      'naive <&> "x" float64',
    ]);
    const [f32, f64] = suites;
    expect(f32['@_tests']).toBe('3');
    expect(f32['@_failures']).toBe('1');
    const failed = f32.testcase.find((c: Record<string, unknown>) => c.failure);
    expect(failed['@_name']).toBe('deviations/flushes-subnormals');
    expect(failed.failure['#text']).toContain('keeps subnormal results');
    expect(f64.testcase.every((c: Record<string, unknown>) => c.skipped)).toBe(true);
    expect(
      f32.properties.property.find((p: Record<string, string>) => p['@_name'] === 'deviations')['@_value'],
    ).toBe('flushesSubnormals!');
  });

  test('the HTML report renders in headless Chromium without console errors and shows matrix, ratios and deviations', async () => {
    const html = reportHtml(await sampleReport());
    expect(html).not.toMatch(/<script|https?:\/\//);
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu'],
    });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      await page.setContent(html, { waitUntil: 'load' });
      const rows = await page.locator('#matrix tbody tr').allInnerTexts();
      expect(rows).toHaveLength(2);
      expect(rows[0]).toMatch(/naive <&> "x"\s+float32.*flushesSubnormals! \(refuted\)\s+FAIL \(1\)/s);
      const body = await page.locator('body').textContent();
      expect(body).toContain('the seed');
      expect(body).toContain('skipped: float32 only <here>');
      expect(body).toContain('flushesSubnormals: refuted by deviations/flushes-subnormals');
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});

describe('onegrad-conformance --module', () => {
  test.each([
    [['--module', fixture('broken-backend.mjs'), '--export', 'nothing'], "no function export 'nothing'"],
    [
      ['--module', fixture('broken-backend.mjs'), '--export', 'notAFactory'],
      "no function export 'notAFactory'",
    ],
    [['--module', '/does/not/exist.mjs'], 'does not exist'],
    [['--module', fixture('broken-backend.mjs'), '--options', '{bad'], '--options is not JSON'],
    [['--export', 'x'], '--export needs --module'],
    [['--config', fixture('broken.config.mjs'), '--cases', 'seeds/*'], '"seeds/*" matches no case'],
  ])('exits 2 on %j', (args, message) => {
    const r = cli(...args);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toContain(message);
  });

  test('runs the factory with the options and writes JSON, JUnit and HTML; exit 1 on failure', () => {
    const dir = mkdtempSync(join(tmpdir(), 'onegrad-cli-'));
    const [json, junit, html] = ['r.json', 'r.xml', 'r.html'].map((f) => join(dir, f));
    const r = cli(
      '--module',
      fixture('broken-backend.mjs'),
      '--export',
      'createBrokenBackend',
      '--options',
      '{"name":"from-options"}',
      '--cases',
      'seed/*',
      '--json',
      json as string,
      '--junit',
      junit as string,
      '--html',
      html as string,
    );
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('no engine here ({"name":"from-options"})');
    expect(JSON.parse(readFileSync(json as string, 'utf8')).backends[0].name).toBe('from-options');
    expect(XMLValidator.validate(readFileSync(junit as string, 'utf8'))).toBe(true);
    expect(readFileSync(html as string, 'utf8')).toContain('from-options');
  });
});
