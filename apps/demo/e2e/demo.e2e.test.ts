import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jumpRatio } from '../src/lib/continuity.js';
import type { DemoController } from '../src/web/controller.js';
import { launchBrowser } from './browser.js';
import { servePage } from './serve.js';

const SCREENSHOT = fileURLToPath(new URL('../docs/screenshot.png', import.meta.url));

/** The page's read-only handle, as main.tsx installs it. */
type DemoWindow = Window & { onegradDemo: DemoController };

// What the status line must name for each backend: the engine really computing.
const ENGINES: Record<string, string> = { onnx: 'onnxruntime-web', tfjs: '@tensorflow/tfjs' };

let server: PreviewServer;
let close: () => Promise<void>;
let page: Page;
const errors: string[] = [];
const foreign: string[] = [];

beforeAll(async () => {
  const served = await servePage();
  server = served.server;
  const browser = await launchBrowser();
  close = browser.close;
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.on('pageerror', (e) => errors.push(e.message));
  // Everything, the engines' WebAssembly included, must come from the page's own server.
  page.on('request', (r) => {
    if (!/^(https?:\/\/127\.0\.0\.1[:/]|data:|blob:)/.test(r.url())) foreign.push(r.url());
  });
  await page.goto(served.url);
  await page.waitForSelector('[data-testid=seed-lines]');
});

afterAll(async () => {
  await close?.();
  await server?.close();
});

const steps = () =>
  page.evaluate(() => (window as unknown as DemoWindow).onegradDemo.trainer!.steps as number);

// Plays until at least `n` more steps were taken, then pauses.
async function train(n: number): Promise<void> {
  const target = (await steps()) + n;
  await page.click('[data-testid=play]');
  await page.waitForFunction(
    (t) => (window as unknown as DemoWindow).onegradDemo.trainer!.steps >= t,
    target,
    {
      timeout: 20_000,
    },
  );
  await page.click('[data-testid=pause]');
  await page.waitForSelector('[data-testid=play]');
}

async function values(id: string): Promise<number[]> {
  const cells = await page
    .locator(`[data-testid=${id}]`)
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-value')));
  return cells.map((v) => Number(v));
}

// The page's fused dZ2 cells against A2 - Y rounded to float32, from the same trace.
async function expectFusedEqualsError(): Promise<void> {
  const a = await values('a2');
  const dz = await values('fused-dz');
  const y = await page.evaluate(() =>
    Array.from((window as unknown as DemoWindow).onegradDemo.trainer!.batch.y.data),
  );
  expect(a.length).toBeGreaterThan(0);
  a.forEach((ai, i) => {
    expect(dz[i]).toBe(Math.fround(ai - (y[i] as number)));
  });
}

describe('the demo page in headless Chromium', () => {
  it('trains on ts, switches to every other backend mid-run, and the cost goes on without a jump', async () => {
    // Moons, 8 hidden units, lr 3.2: a boundary worth a screenshot within a few thousand steps.
    await page.selectOption('[data-testid=dataset]', 'moons');
    await page.waitForSelector('[data-testid=seed-lines] th:has-text("sample 4")');
    await page.locator('[data-testid=lr]').fill('0.5');
    await page.click('[data-testid=speed-100]');
    await train(1500);
    await expectFusedEqualsError();
    const others = await page
      .locator('[data-testid^=backend-]:not([disabled])')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')?.slice('backend-'.length) ?? ''));
    expect(others).toContain('ts');
    for (const id of others.filter((b) => b !== 'ts')) {
      await page.click(`[data-testid=backend-${id}]`);
      await page.waitForSelector(`[data-testid=status][data-backend=${id}]`, { timeout: 30_000 });
      await expect.poll(() => page.getAttribute('[data-testid=switch-status]', 'data-bits')).toBe('true');
      expect(Number(await page.getAttribute('[data-testid=switch-status]', 'data-ratio'))).toBeLessThan(64);
      expect(await page.textContent('[data-testid=status]')).toContain(ENGINES[id] ?? id);
      await train(400);
      await expectFusedEqualsError();
    }
    const { losses, switches } = await page.evaluate(() => {
      const t = (window as unknown as DemoWindow).onegradDemo.trainer!;
      return {
        losses: t.history.map((p: { loss: number }) => p.loss),
        switches: t.switches.map((s: { step: number }) => s.step),
      };
    });
    expect(switches.length).toBe(others.length - 1);
    for (const at of switches) expect(jumpRatio(losses, at, 'float32')).toBeLessThan(1.5);
  });

  it('runs the lockstep view and saves a screenshot', async () => {
    await page.click('[data-testid=lockstep-run]');
    await page.waitForSelector('[data-testid=lockstep-state]:text-is("done")', { timeout: 40_000 });
    mkdirSync(fileURLToPath(new URL('../docs', import.meta.url)), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  });

  it('shows the naive dA2 turning non-finite when A2 saturates, while the fused dZ2 stays exact', async () => {
    await page.click('[data-testid=saturate]');
    await page.waitForSelector('[data-testid=saturation-status]');
    expect(await page.textContent('[data-testid=saturation-status]')).toContain('not finite');
    expect((await values('a2')).every((a) => a === 1)).toBe(true);
    expect((await values('naive-da')).some((v) => !Number.isFinite(v))).toBe(true);
    expect((await values('naive-dz')).every((v) => Number.isNaN(v))).toBe(true);
    await expectFusedEqualsError();
  });

  it('shows with squared error that dZ2 keeps the factor A2 (1 - A2)', async () => {
    await page.getByLabel('squared error').check();
    await page.waitForSelector('[data-testid=seed-lines] code:text-is("dA2 = 2 · error")');
    const a = await values('a2');
    const dz = await values('fused-dz');
    const y = await page.evaluate(() =>
      Array.from((window as unknown as DemoWindow).onegradDemo.trainer!.batch.y.data),
    );
    a.forEach((ai, i) => {
      const error = ai - (y[i] as number);
      expect(dz[i]).not.toBe(Math.fround(error));
      expect(dz[i]).toBeCloseTo(2 * error * ai * (1 - ai), 6);
    });
  });

  it('exports the network as an ONNX model and its parameters as JSON', async () => {
    const [onnx] = await Promise.all([page.waitForEvent('download'), page.click('text=ONNX model')]);
    const bytes = readFileSync(await onnx.path());
    expect(bytes.length).toBeGreaterThan(100);
    expect(bytes[0]).toBe(0x08); // protobuf field 1 (ir_version), varint
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('text=Parameters (JSON)')]);
    const doc = JSON.parse(readFileSync(await json.path(), 'utf8'));
    expect(doc.spec.sizes).toEqual([2, 8, 1]);
    expect(doc.params).toHaveLength(2);
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
  });
});
