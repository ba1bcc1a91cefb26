import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import type { ChildMessage, ChildTask } from './child.js';
import { type RowFailure, toResult } from './collect.js';
import { measureDemoPage } from './demo-page.js';
import type { MeasurePlan } from './plan.js';
import { type RowResult, type RowSkip, type RowSpec, rowId } from './types.js';

/** Where Debian's Chromium lives; override with ONEGRAD_CHROMIUM. */
const CHROMIUM = process.env.ONEGRAD_CHROMIUM ?? '/usr/bin/chromium';
const PAGE_DIR = fileURLToPath(new URL('../browser', import.meta.url));
const OUT_DIR = fileURLToPath(new URL('./browser', import.meta.url));

// No update, sync or other hosts (the network is closed); webgl through SwiftShader, since a headless
// machine has no GPU: the webgl rows time Chromium's software WebGL.
const ARGS = [
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

type Measured = { measured: Omit<RowResult, 'vs'>[]; skipped: RowSkip[]; failures: RowFailure[] };

/**
 * Runs `rows` on the bench page and `demo` (the demo page's rows) on apps/demo's own page, in one
 * headless Chromium (playwright-core driving /usr/bin/chromium).
 */
export async function runInChromium(
  rows: readonly RowSpec[],
  demo: readonly RowSpec[],
  plan: MeasurePlan,
  log: (line: string) => void,
): Promise<Measured> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `--browser: no Chromium at ${CHROMIUM}: install Debian's chromium or set ONEGRAD_CHROMIUM`,
    );
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  try {
    const out: Measured =
      rows.length > 0
        ? await runBenchPage(browser, rows, plan, log)
        : { measured: [], skipped: [], failures: [] };
    if (demo.length > 0) {
      log(`${demo.length} rows on the demo page (apps/demo), its own "Measure steps/s"`);
      const page = await measureDemoPage(browser, demo, plan, log).catch((error: unknown) => {
        const text = error instanceof Error ? error.message : String(error);
        log(`the demo page: FAILED ${text}`);
        return { measured: [], failures: demo.map((row) => ({ row, error: text })) };
      });
      out.measured.push(...page.measured);
      out.failures.push(...page.failures);
    }
    return out;
  } finally {
    await browser.close();
  }
}

/**
 * Builds the bench page (browser/page.ts, with Vite), serves it on 127.0.0.1, and runs the rows one at
 * a time in one tab of `browser`.
 */
async function runBenchPage(
  browser: Browser,
  rows: readonly RowSpec[],
  plan: MeasurePlan,
  log: (line: string) => void,
): Promise<Measured> {
  const { build, preview } = await import('vite');
  const config = { root: PAGE_DIR, base: './', configFile: false as const, logLevel: 'error' as const };
  await build({
    ...config,
    build: { outDir: OUT_DIR, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 16_384 },
  });
  const server = await preview({
    ...config,
    build: { outDir: OUT_DIR },
    preview: { host: '127.0.0.1', port: 0 },
  });
  const url = server.resolvedUrls?.local[0];
  const measured: Omit<RowResult, 'vs'>[] = [];
  const skipped: RowSkip[] = [];
  const failures: RowFailure[] = [];
  try {
    if (!url) throw new Error('the preview server has no local address');
    // One tab for every row: loading the page costs seconds, and rows run one at a time anyway.
    const page = await browser.newPage();
    await page.goto(url);
    await page.waitForFunction(() => 'onegradBenchRow' in globalThis, null, { timeout: 120_000 });
    for (const [i, row] of rows.entries()) {
      const task: ChildTask = { row, plan };
      const message: ChildMessage = await page
        .evaluate(
          (t) =>
            (
              globalThis as unknown as { onegradBenchRow: (t: ChildTask) => Promise<ChildMessage> }
            ).onegradBenchRow(t),
          task,
        )
        .catch((error: unknown) => ({
          ok: false,
          error: error instanceof Error ? error.message : String(error),
        }));
      const at = `[${i + 1}/${rows.length}] ${rowId(row)}`;
      if (message.ok) {
        const result = toResult(row, message.result);
        measured.push(result);
        log(`${at}: ${result.medianMs} ms, ${result.gflops} GFLOP/s`);
      } else if ('skipped' in message) {
        skipped.push({ ...row, reason: message.skipped });
        log(`${at}: skipped, ${message.skipped}`);
      } else {
        failures.push({ row, error: message.error });
        log(`${at}: FAILED ${message.error.split('\n')[0]}`);
      }
    }
    await page.close();
  } finally {
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
  return { measured, skipped, failures };
}
