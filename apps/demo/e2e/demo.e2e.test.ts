import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { THRESHOLD } from '@onegrad/conformance/judge';
import type { Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.js';
import { type DemoWindow, judgeInNode } from './judge-in-node.js';
import { cellValues, train } from './page-actions.js';
import { servePage } from './serve.js';

// Tests never write tracked files: the README's picture is refreshed only when asked for, with
// ONEGRAD_SCREENSHOT=docs/screenshot.png (relative to apps/demo).
const SCREENSHOT = fileURLToPath(
  new URL(`../${process.env.ONEGRAD_SCREENSHOT ?? 'test-results/screenshot.png'}`, import.meta.url),
);

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

// The page's fused dZ2 cells against A2 - Y rounded to float32, from the same trace. Exact on purpose: the
// fused dZ2 is one IEEE subtraction in float32, and A2 - Y in a double (A2 a float32, Y 0 or 1) rounded once
// to float32 is that same correctly rounded result, so any difference at all is a bug, not a rounding.
async function expectFusedEqualsError(): Promise<void> {
  const a = await cellValues(page, 'a2');
  const dz = await cellValues(page, 'fused-dz');
  const y = await page.evaluate(() =>
    Array.from((window as unknown as DemoWindow).onegradDemo.trainer!.batch.y.data),
  );
  expect(a.length).toBeGreaterThan(0);
  a.forEach((ai, i) => {
    expect(dz[i]).toBe(Math.fround(ai - (y[i] as number)));
  });
}

describe('the demo page in headless Chromium', () => {
  it('trains on ts, switches to every other backend mid-run, and each first step is within the error model', async () => {
    // Moons, 8 hidden units, lr 3.2 (the slider is log10): a boundary worth a screenshot within a few
    // thousand steps.
    await page.selectOption('[data-testid=dataset]', 'moons');
    await page.waitForSelector('[data-testid=seed-lines] th:has-text("sample 4")');
    await page.locator('[data-testid=lr]').fill('0.5');
    await page.click('[data-testid=speed-100]');
    await train(page, 1500);
    await expectFusedEqualsError();
    const others = await page
      .locator('[data-testid^=backend-]:not([disabled])')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')?.slice('backend-'.length) ?? ''));
    expect(others).toContain('ts');
    const targets = others.filter((b) => b !== 'ts');
    for (const [i, id] of targets.entries()) {
      await page.click(`[data-testid=backend-${id}]`);
      await page.waitForSelector(`[data-testid=status][data-backend=${id}]`, { timeout: 30_000 });
      await expect.poll(() => page.getAttribute('[data-testid=switch-status]', 'data-bits')).toBe('true');
      expect(await page.textContent('[data-testid=status]')).toContain(ENGINES[id] ?? id);
      // Enough steps to see the curve go on; the engines in the page take 25-50 ms a step here.
      await train(page, 150);
      // The losses continue within the error model: the new engine's first step, from the handed-over
      // parameters, is judged against the 50-digit reference; the page shows the same verdict.
      const { verdict, backend, shown } = await judgeInNode(page, i);
      expect(backend).toBe(id);
      expect(verdict.offenders).toEqual([]);
      expect(verdict.pass).toBe(true);
      expect(shown).toBe(true);
      expect(await page.getAttribute('[data-testid=switch-status]', 'data-pass')).toBe('true');
      await expectFusedEqualsError();
    }
    const switches = await page.evaluate(
      () => (window as unknown as DemoWindow).onegradDemo.trainer!.switches.length,
    );
    expect(switches).toBe(targets.length);
  });

  it('runs the lockstep view and saves a screenshot', async () => {
    await page.click('[data-testid=lockstep-run]');
    await page.waitForSelector('[data-testid=lockstep-state]:text-is("done")', { timeout: 40_000 });
    // Every backend and dtype, judged step by step from the reference's parameters, stays within the model.
    const worst = JSON.parse((await page.getAttribute('[data-testid=lockstep-last]', 'data-worst')) ?? '{}');
    expect(Object.keys(worst).sort()).toEqual(['onnx f32', 'onnx f64', 'tfjs f32', 'ts f32']);
    for (const ratio of Object.values(worst)) expect(ratio).toBeLessThanOrEqual(THRESHOLD);
    mkdirSync(dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  });

  it('shows the naive dA2 turning non-finite when A2 saturates, while the fused dZ2 stays exact', async () => {
    await page.click('[data-testid=saturate]');
    await page.waitForSelector('[data-testid=saturation-status]');
    expect(await page.textContent('[data-testid=saturation-status]')).toContain('not finite');
    expect((await cellValues(page, 'a2')).every((a) => a === 1)).toBe(true);
    expect((await cellValues(page, 'naive-da')).some((v) => !Number.isFinite(v))).toBe(true);
    expect((await cellValues(page, 'naive-dz')).every((v) => Number.isNaN(v))).toBe(true);
    await expectFusedEqualsError();
  });

  it('shows with squared error that dZ2 keeps the factor A2 (1 - A2)', async () => {
    await page.getByLabel('squared error').check();
    await page.waitForSelector('[data-testid=seed-lines] code:text-is("dA2 = 2 · error")');
    const a = await cellValues(page, 'a2');
    const dz = await cellValues(page, 'fused-dz');
    const y = await page.evaluate(() =>
      Array.from((window as unknown as DemoWindow).onegradDemo.trainer!.batch.y.data),
    );
    // Not an exact recomputation: the backend forms 2 (A2 - Y) · A2 (1 - A2) in its own order of
    // operations (tfjs is on now), which may differ from any float32 order written here by a rounding or
    // two. So the cells must be the trace's dZ2 exactly, and that trace is judged by the error model.
    const shownDz = await page.evaluate(() =>
      Array.from((window as unknown as DemoWindow).onegradDemo.trace!.layers.at(-1)!.dZ.data),
    );
    a.forEach((ai, i) => {
      expect(dz[i]).toBe(shownDz[i]);
      // With squared error dZ2 is not A2 - Y: the factor A2 (1 - A2) stays.
      expect(dz[i]).not.toBe(Math.fround(ai - (y[i] as number)));
    });
    const { verdict } = await judgeInNode(page, -1);
    expect(verdict.offenders).toEqual([]);
    expect(verdict.pass).toBe(true);
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
