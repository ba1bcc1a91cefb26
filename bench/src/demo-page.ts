import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { type RowFailure, round, toResult } from './collect.js';
import type { MeasurePlan } from './plan.js';
import { DEMO_ENGINES } from './rows.js';
import { type Engine, type RowResult, type RowSpec, rowId } from './types.js';

/** The network the demo page opens on, as its rates table names it: the seed net, W1. */
const SEED_NET = 'seed 2-2-1 bce float32';

/** At most this many presses of "Measure steps/s" per engine: each one times about a second. */
const MAX_SAMPLES = 5;

type DemoWindow = { onegradDemo: { idle(): Promise<void> } };

/** apps/demo's folder, found through the workspace dependency on @onegrad/demo. */
function demoDir(): string {
  const dir = dirname(createRequire(import.meta.url).resolve('@onegrad/demo/package.json'));
  if (!existsSync(join(dir, 'dist/web/index.html'))) {
    throw new Error(`--browser: the demo page is not built in ${dir}/dist/web: run pnpm build`);
  }
  return dir;
}

// Every call queued on the page's controller so far (a switch, a measurement) has finished.
function idle(page: Page): Promise<void> {
  return page.evaluate(() => (globalThis as unknown as DemoWindow).onegradDemo.idle());
}

/** The engine the page's status line names: `@tensorflow/tfjs 4.22.0 (webgl)` is tfjs-webgl. */
function engineOf(planned: Engine, status: string): Engine {
  if (!planned.startsWith('tfjs-')) return planned;
  const tf = /@tensorflow\/tfjs \S+ \((webgl|cpu|wasm)\)/.exec(status)?.[1];
  if (!tf) throw new Error(`the status line names no tfjs backend: ${status}`);
  return `tfjs-${tf}` as Engine;
}

/** Picks the engine of `row` on the page and presses "Measure steps/s" `samples` times. */
async function measureEngine(page: Page, row: RowSpec, samples: number): Promise<Omit<RowResult, 'vs'>> {
  const id = DEMO_ENGINES.find((e) => e.engine === row.engine)?.id;
  if (!id) throw new Error(`${rowId(row)}: the demo page has no engine ${row.engine}`);
  const status = '[data-testid=status]';
  if ((await page.getAttribute(status, 'data-backend')) !== id) {
    await page.click(`[data-testid=backend-${id}]`);
    await page.waitForSelector(`${status}[data-backend=${id}]`, { timeout: 120_000 });
  }
  await idle(page);
  const engine = engineOf(row.engine, (await page.textContent(status)) ?? '');
  const rates: number[] = [];
  for (let i = 0; i < samples; i++) {
    await page.click('[data-testid=measure]');
    await idle(page);
    const rate = page.locator(`[data-testid=rate-${id}]`);
    const net = await rate.locator('td.dim').textContent();
    if (net !== SEED_NET) throw new Error(`${rowId(row)}: the page measured ${net}, not ${SEED_NET}`);
    const value = Number(await rate.getAttribute('data-value'));
    if (!(value > 0)) throw new Error(`${rowId(row)}: the page reported ${value} steps/s`);
    rates.push(value);
  }
  const result = toResult({ ...row, engine }, { times: rates.map((r) => 1000 / r) });
  return { ...result, stepsPerSecond: round(1000 / result.medianMs) };
}

/**
 * Serves apps/demo's built page (dist/web) with its own Vite config, cross-origin isolated as the
 * demo serves it, opens it in `browser` and measures each row's engine with the page's own "Measure
 * steps/s" on the seed net: per engine up to {@link MAX_SAMPLES} presses (the plan's samples), each
 * about a second of `session.train` calls in the page's engine worker; a row's time is 1 / rate.
 */
export async function measureDemoPage(
  browser: Browser,
  rows: readonly RowSpec[],
  plan: MeasurePlan,
  log: (line: string) => void,
): Promise<{ measured: Omit<RowResult, 'vs'>[]; failures: RowFailure[] }> {
  const root = demoDir();
  const { preview } = await import('vite');
  const server = await preview({
    root,
    configFile: join(root, 'vite.config.ts'),
    logLevel: 'error',
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const measured: Omit<RowResult, 'vs'>[] = [];
  const failures: RowFailure[] = [];
  try {
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error('the demo preview server has no local address');
    const page = await browser.newPage();
    await page.goto(url);
    await page.waitForSelector('[data-testid=graph]', { timeout: 120_000 });
    await idle(page);
    // onnxruntime-web and the engine worker rely on it, as in the demo's own serving.
    if (
      !(await page.evaluate(
        () => (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true,
      ))
    )
      throw new Error('the demo page is not cross-origin isolated');
    const samples = Math.min(plan.samples, MAX_SAMPLES);
    for (const [i, row] of rows.entries()) {
      const at = `[demo ${i + 1}/${rows.length}] ${rowId(row)}`;
      try {
        const result = await measureEngine(page, row, samples);
        measured.push(result);
        log(`${at}: ${result.stepsPerSecond} steps/s on ${result.engine}`);
      } catch (error) {
        const text = error instanceof Error ? error.message : String(error);
        failures.push({ row, error: text });
        log(`${at}: FAILED ${text.split('\n')[0]}`);
      }
    }
    await page.close();
  } finally {
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
  return { measured, failures };
}
