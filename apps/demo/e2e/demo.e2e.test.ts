import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { THRESHOLD } from '@onegrad/conformance/judge';
import { cloneMatrix, decodeParamsFile, encodeParamsFile, paramsBitEqual } from '@onegrad/core';
import type { Page, Request } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.js';
import { type DemoWindow, judgeInNode } from './judge-in-node.js';
import { cellValues, idle, pageParams, startParams, train } from './page-actions.js';
import { servePage } from './serve.js';

// Tests never write tracked files: the README's picture is refreshed only when asked for, with
// ONEGRAD_SCREENSHOT=docs/screenshot.png (relative to apps/demo).
const SCREENSHOT = fileURLToPath(
  new URL(`../${process.env.ONEGRAD_SCREENSHOT ?? 'test-results/screenshot.png'}`, import.meta.url),
);

// What the status line must name for each backend: the engine really computing.
const ENGINES: Record<string, string> = {
  onnx: 'onnxruntime-web',
  tfjs: '@tensorflow/tfjs',
  'tfjs-wasm': '@tensorflow/tfjs 4.22.0 (wasm)',
};

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
  // Every tab records the main thread's long tasks (PerformanceObserver), for the responsiveness check.
  await browser.context.addInitScript(() => {
    const tasks: { start: number; duration: number }[] = [];
    Object.assign(window, { onegradLongTasks: tasks });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
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
      await train(page, 50);
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
    await page.waitForSelector('[data-testid=lockstep-state]:text-is("done")', { timeout: 90_000 });
    // Every backend and dtype, judged step by step from the reference's parameters, stays within the model.
    const worst = JSON.parse((await page.getAttribute('[data-testid=lockstep-last]', 'data-worst')) ?? '{}');
    expect(Object.keys(worst).sort()).toEqual([
      'onnx f32',
      'onnx f64',
      'tfjs f32',
      'tfjs-wasm f32',
      'ts f32',
    ]);
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
    await page.selectOption('[data-testid=loss]', 'mse');
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

  it('exports the network as an ONNX model', async () => {
    const [onnx] = await Promise.all([page.waitForEvent('download'), page.click('text=ONNX model')]);
    const bytes = readFileSync(await onnx.path());
    expect(bytes.length).toBeGreaterThan(100);
    expect(bytes[0]).toBe(0x08); // protobuf field 1 (ir_version), varint
  });

  it("saves core's params file, which Node decodes bit for bit, and loads one written in Node", async () => {
    const [saved] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid=export-params]'),
    ]);
    const text = readFileSync(await saved.path(), 'utf8');
    const decoded = decodeParamsFile(text);
    const shown = await pageParams(page);
    expect(decoded.spec).toEqual({ sizes: shown.spec.sizes, loss: shown.spec.loss, dtype: shown.spec.dtype });
    expect(paramsBitEqual(decoded.params, shown.params)).toBe(true);
    // Node changes one weight (to a value with every mantissa bit set, and a -0), writes the file, the page
    // loads it: training restarts from exactly those bits.
    const edited = decoded.params.map((p) => ({ W: cloneMatrix(p.W), b: cloneMatrix(p.b) }));
    edited[0]!.W.data[0] = Math.fround(1 - 2 ** -24);
    edited[0]!.b.data[0] = -0;
    const file = join(mkdtempSync(join(tmpdir(), 'onegrad-params-')), 'edited.json');
    writeFileSync(file, encodeParamsFile(decoded.spec, edited));
    await page.setInputFiles('[data-testid=import-params]', file);
    await page.waitForSelector('[data-testid=notice]:has-text("Imported parameters")');
    await idle(page);
    const loaded = await startParams(page);
    expect(paramsBitEqual(loaded, edited)).toBe(true);
    expect(Object.is(loaded[0]!.b.data[0], -0)).toBe(true);
    // Saved again after the step the page took from them: still the page's bits exactly.
    const [again] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid=export-params]'),
    ]);
    const now = await pageParams(page);
    expect(
      paramsBitEqual(decodeParamsFile(readFileSync(await again.path(), 'utf8')).params, now.params),
    ).toBe(true);
    // A file core refuses (one byte of data altered) changes nothing and says why.
    const bad = encodeParamsFile(decoded.spec, edited).replace(
      /"data": "(.)/,
      (_m, ch) => `"data": "${ch === 'A' ? 'B' : 'A'}`,
    );
    writeFileSync(file, bad);
    await page.setInputFiles('[data-testid=import-params]', file);
    await page.waitForSelector('[data-testid=error]:has-text("checksum")');
    await idle(page);
    expect(paramsBitEqual(await startParams(page), edited)).toBe(true);
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
  });

  it('Space plays and pauses even when a button has focus, instead of pressing that button again', async () => {
    await page.click('[data-testid=saturate]');
    await idle(page);
    const at = await page.evaluate(() => (window as unknown as DemoWindow).onegradDemo.trainer!.steps);
    await page.keyboard.press(' ');
    await page.waitForSelector('[data-testid=pause]');
    await page.keyboard.press(' ');
    await page.waitForSelector('[data-testid=play]');
    await idle(page);
    const state = await page.evaluate(() => {
      const c = (window as unknown as DemoWindow).onegradDemo;
      return { saturated: c.saturated, steps: c.trainer!.steps };
    });
    // Played (steps went on), and the saturation was not applied again by the focused button.
    expect(state.saturated).toBe(false);
    expect(state.steps).toBeGreaterThan(at);
  });

  it('keeps the run and says so when a change needs a new network', async () => {
    await train(page, 30);
    const before = await page.evaluate(() => (window as unknown as DemoWindow).onegradDemo.runs.length);
    await page.selectOption('[data-testid=dataset]', 'circles');
    await page.waitForSelector('[data-testid=notice]:has-text("Changed the dataset")');
    await idle(page);
    expect(await page.textContent('[data-testid=notice]')).toContain('kept in the cost chart');
    const runs = await page.evaluate(() =>
      (window as unknown as DemoWindow).onegradDemo.runs.map((r) => r.history.length),
    );
    expect(runs.length).toBe(Math.min(before + 1, 3));
    expect(runs.at(-1)).toBeGreaterThan(30);
  });

  it('shows why a hidden-layers entry is refused and keeps what was typed; accepts widths up to the CLI limit', async () => {
    await page.fill('[data-testid=hidden]', '0');
    await page.press('[data-testid=hidden]', 'Enter');
    await page.waitForSelector('[data-testid=hidden-error]');
    expect(await page.textContent('[data-testid=hidden-error]')).toContain("from 1 to 256, got '0'");
    expect(await page.inputValue('[data-testid=hidden]')).toBe('0');
    await page.fill('[data-testid=hidden]', '64, 64, 64');
    await page.press('[data-testid=hidden]', 'Enter');
    await page.waitForFunction(
      () => (window as unknown as DemoWindow).onegradDemo.trainer?.spec.sizes.join(',') === '2,64,64,64,1',
    );
    expect(await page.locator('[data-testid=hidden-error]').count()).toBe(0);
  });
});

describe('a lesson opened from its address, at phone width', () => {
  it('restores every setting from the URL and writes changes back to it', async () => {
    const fresh = await page.context().newPage();
    const query =
      '?dataset=xor&random-seed=5&hidden=3&hidden-activation=tanh&output=sigmoid&loss=mse&dtype=float64&lr=0.2&engine=ts&speed=100';
    await fresh.goto(new URL(query, server.resolvedUrls!.local[0]).href);
    await fresh.waitForSelector('[data-testid=seed-lines]');
    await idle(fresh);
    const got = await fresh.evaluate(() => {
      const c = (window as unknown as DemoWindow).onegradDemo;
      return { spec: c.trainer!.spec, settings: c.settings };
    });
    expect(got.spec).toEqual({
      sizes: [2, 3, 1],
      loss: 'mse',
      dtype: 'float64',
      activations: ['tanh', 'sigmoid'],
    });
    expect(got.settings).toMatchObject({ dataset: 'xor', randomSeed: 5, lr: 0.2, backend: 'ts', speed: 100 });
    expect(await fresh.inputValue('[data-testid=dataset]')).toBe('xor');
    expect(await fresh.inputValue('[data-testid=random-seed]')).toBe('5');
    await fresh.selectOption('[data-testid=loss]', 'bce');
    await fresh.waitForFunction(() => location.search.includes('loss=bce'));
    expect(await fresh.evaluate(() => location.search)).toContain('hidden-activation=tanh');
    await fresh.close();
  });

  it('shows the whole seed table at 390 px (screenshot in test-results/)', async () => {
    const phone = await page.context().newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(server.resolvedUrls!.local[0]!);
    await phone.waitForSelector('[data-testid=seed-lines]');
    await idle(phone);
    const fit = await phone.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const table = document.querySelector('[data-testid=seed-lines]') as HTMLElement;
      const cells = [...table.querySelectorAll('td, th')].map((e) => e.getBoundingClientRect());
      return {
        width,
        page: document.documentElement.scrollWidth,
        right: Math.max(...cells.map((r) => r.right)),
        left: Math.min(...cells.map((r) => r.left)),
        clipped: [...table.querySelectorAll('td')].filter((e) => e.scrollWidth > e.clientWidth + 1).length,
      };
    });
    expect(fit.width).toBe(390);
    expect(fit.page).toBeLessThanOrEqual(390);
    expect(fit.left).toBeGreaterThanOrEqual(0);
    expect(fit.right).toBeLessThanOrEqual(390);
    expect(fit.clipped).toBe(0);
    // No keyboard hints on a touch screen without a keyboard is covered by the pointer query; here the
    // weight labels of the seed's network must not overlap one another.
    const boxes = await phone
      .locator('[data-testid=weight-label]')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
    expect(boxes.length).toBe(6);
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1))
        expect(a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top).toBe(true);
    const shot = fileURLToPath(new URL('../test-results/phone-390.png', import.meta.url));
    mkdirSync(dirname(shot), { recursive: true });
    await phone.screenshot({ path: shot, fullPage: true });
    await phone.close();
  });
});

/** A new tab on the page at `query`, ready (first step traced, nothing queued). */
async function openPage(query = ''): Promise<Page> {
  const tab = await page.context().newPage();
  tab.on('pageerror', (e) => errors.push(e.message));
  await tab.goto(new URL(query, server.resolvedUrls!.local[0]).href);
  await tab.waitForSelector('[data-testid=graph]');
  await idle(tab);
  return tab;
}

/** The number behind a graph value of test id `id` (sample 1, unit 1). */
async function live(tab: Page, id: string): Promise<number> {
  return Number(await tab.getAttribute(`[data-testid=${id}]`, 'data-value'));
}

describe('the step as a graph, node by node', () => {
  it('draws the loss and the activation as separate nodes, each with its local derivative live (bce, then mse)', async () => {
    const tab = await openPage('?hidden=2');
    const ids = await tab
      .locator('[data-testid=graph] [data-node]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-node')));
    expect(ids).toEqual(['X', 'mm1', 'Z1', 'act1', 'A1', 'mm2', 'Z2', 'act2', 'A2', 'loss', 'J']);
    const out = () =>
      tab.evaluate(() => {
        const t = (window as unknown as DemoWindow).onegradDemo.trace!.layers[1]!;
        return { a: t.a.data[0]!, dA: t.dA.data[0]!, dZ: t.dZ.data[0]! };
      });
    const y = await tab.evaluate(
      () => (window as unknown as DemoWindow).onegradDemo.trainer!.batch.y.data[0]!,
    );
    let o = await out();
    // BCE: dJ/dA2 = (A2 - Y) / (A2 (1 - A2)) is the trace's unfused dA2; dA2/dZ2 = A2 (1 - A2) in float32;
    // their product, fused, is exactly A2 - Y rounded once.
    expect(await live(tab, 'local-loss')).toBe(o.dA);
    expect(await live(tab, 'local-act2')).toBe(Math.fround(o.a * Math.fround(1 - o.a)));
    expect(await live(tab, 'out-act2')).toBe(Math.fround(o.a - y));
    expect(await tab.textContent('[data-testid=derivation]')).toContain('= A2 − Y: the factors cancel');
    await tab.selectOption('[data-testid=loss]', 'mse');
    await tab.waitForSelector('[data-testid=derivation]:has-text("nothing cancels")');
    await idle(tab);
    o = await out();
    // MSE: 2 (A2 - Y) and A2 (1 - A2), which do not cancel: dZ2 keeps the factor.
    expect(await live(tab, 'local-loss')).toBe(Math.fround(2 * Math.fround(o.a - y)));
    expect(await live(tab, 'local-act2')).toBe(Math.fround(o.a * Math.fround(1 - o.a)));
    expect(await live(tab, 'out-act2')).toBe(o.dZ);
    expect(o.dZ).not.toBe(Math.fround(o.a - y));
    await tab.close();
  });

  it('steps through one step node by node, forward then backward, highlighting each node', async () => {
    const tab = await openPage();
    await tab.click('[data-testid=walk-start]');
    const visited: string[] = [];
    const count = Number(await tab.getAttribute('[data-testid=walk-status]', 'data-count'));
    for (let k = 0; k < count; k++) {
      const node = (await tab.getAttribute('[data-testid=walk-status]', 'data-node')) ?? '';
      const pass = await tab.getAttribute('[data-testid=walk-status]', 'data-pass');
      // The node named is the one highlighted, and the only one.
      expect(
        await tab.locator('.node.current').evaluateAll((els) => els.map((e) => e.getAttribute('data-node'))),
      ).toEqual([node]);
      visited.push(`${pass} ${node}`);
      if (k < count - 1) await tab.click('[data-testid=walk-next]');
    }
    const nodes = ['X', 'mm1', 'Z1', 'act1', 'A1', 'mm2', 'Z2', 'act2', 'A2', 'loss', 'J'];
    expect(visited).toEqual([
      ...nodes.map((n) => `forward ${n}`),
      ...nodes
        .slice(1)
        .reverse()
        .map((n) => `backward ${n}`),
    ]);
    // Tapping a node shows every sample of its values.
    await tab.click('[data-testid=samples-Z1]');
    const rows = await tab.evaluate(
      () => (window as unknown as DemoWindow).onegradDemo.trainer!.batch.x.rows,
    );
    const cells = await tab
      .locator('[data-testid=inspect] [data-testid=inspect-Z1]')
      .first()
      .locator('tr')
      .first()
      .locator('td')
      .count();
    expect(cells).toBe(rows);
    await tab.close();
  });

  it('checks a gradient by finite differences beside the conformance bound', async () => {
    const tab = await openPage('?dataset=moons&hidden=4');
    await tab.click('[data-testid=fd-run]');
    await tab.waitForSelector('[data-testid=fd-result]');
    const backend = Number(await tab.getAttribute('[data-testid=fd-result]', 'data-backend'));
    const fd = Number(await tab.getAttribute('[data-testid=fd-result]', 'data-difference'));
    const worst = Number(await tab.getAttribute('[data-testid=fd-result]', 'data-worst'));
    // A float32 dW against a float64 central difference (h = 1e-5, error about 1e-10): they agree to about
    // float32's precision relative to the terms summed, far from an unrelated number.
    expect(Math.abs(backend - fd)).toBeLessThan(1e-5 * Math.max(1, Math.abs(fd)));
    expect(worst).toBeLessThanOrEqual(THRESHOLD);
    await tab.close();
  });
});

describe('the saturation lesson and other pairs', () => {
  // The lesson trains on the current engine: the default, and tfjs-wasm opened from the address.
  it.each([
    ['ts', ''],
    ['tfjs-wasm', '?engine=tfjs-wasm'],
  ])(
    'after Saturate A2 on %s, trains both losses from there side by side: BCE recovers, MSE stalls, both kept',
    async (engine, query) => {
      const tab = await openPage(query);
      expect(await tab.getAttribute('[data-testid=status]', 'data-backend')).toBe(engine);
      expect(await tab.evaluate(() => location.search)).toContain(`engine=${engine}`);
      await tab.click('[data-testid=saturate]');
      await tab.waitForSelector('[data-testid=saturation-status]:has-text("Press ▶ Play")');
      const steps = await tab.evaluate(() => (window as unknown as DemoWindow).onegradDemo.trainer!.steps);
      await tab.click('[data-testid=lesson-run]');
      await tab.waitForSelector('[data-testid=lesson][data-done=true]', { timeout: 60_000 });
      const run = async (loss: string) => ({
        first: Number(await tab.getAttribute(`[data-testid=lesson-${loss}]`, 'data-first')),
        last: Number(await tab.getAttribute(`[data-testid=lesson-${loss}]`, 'data-last')),
        steps: Number(await tab.getAttribute(`[data-testid=lesson-${loss}]`, 'data-steps')),
      });
      const bce = await run('bce');
      const mse = await run('mse');
      // BCE's fused dZ2 = A2 - Y is exact at saturation, so the cost falls by orders of magnitude.
      expect(bce.first).toBeGreaterThan(10);
      expect(bce.last).toBeLessThan(bce.first * 1e-3);
      // MSE's dZ2 = 2 (A2 - Y) A2 (1 - A2) is exactly 0 where A2 rounds to 1: no parameter moves, J stays.
      expect(mse.first).toBeGreaterThan(0.4);
      expect(mse.last).toBe(mse.first);
      expect([bce.steps, mse.steps]).toEqual([600, 600]);
      // The page's own training was left as it was.
      expect(await tab.evaluate(() => (window as unknown as DemoWindow).onegradDemo.trainer!.steps)).toBe(
        steps,
      );
      await tab.close();
    },
  );

  it('trains softmax + cce on three classes with relu hidden units, and refuses a pair that is no network', async () => {
    const tab = await openPage('?dataset=blobs3&hidden=6&hidden-activation=relu');
    const spec = () => tab.evaluate(() => (window as unknown as DemoWindow).onegradDemo.trainer!.spec);
    expect(await spec()).toEqual({
      sizes: [2, 6, 3],
      loss: 'cce',
      dtype: 'float32',
      activations: ['relu', 'softmax'],
    });
    expect(await tab.getAttribute('[data-testid=pair-note]', 'data-canonical')).toBe('true');
    expect(await tab.textContent('[data-testid=derivation]')).toContain('the Jacobian cancels');
    await train(tab, 200);
    const costs = await tab.evaluate(() =>
      (window as unknown as DemoWindow).onegradDemo.trainer!.history.map((p) => p.loss),
    );
    expect(costs.at(-1)!).toBeLessThan(costs[0]! / 2);
    // softmax + bce is not a network core accepts, nor a one-unit output for three classes: the page says
    // why and keeps the network it has.
    await tab.selectOption('[data-testid=loss]', 'bce');
    await tab.waitForSelector('[data-testid=error]:has-text("bce")');
    await tab.selectOption('[data-testid=output]', 'identity');
    await tab.waitForSelector('[data-testid=error]:has-text("3 classes")');
    expect((await spec()).activations).toEqual(['relu', 'softmax']);
    await tab.close();
  });

  it('marks tanh hidden units with a sigmoid output and squared error as a pair that does not cancel', async () => {
    const tab = await openPage('?dataset=moons&hidden=4&hidden-activation=tanh&loss=mse');
    expect(await tab.getAttribute('[data-testid=pair-note]', 'data-canonical')).toBe('false');
    expect(await tab.textContent('[data-testid=pair-note]')).toContain('nothing cancels');
    const { trace, a } = await tab.evaluate(() => {
      const c = (window as unknown as DemoWindow).onegradDemo;
      return { trace: c.trace!.layers[0]!.a.data[0]!, a: c.trace!.layers[0]!.a.data[0]! };
    });
    // tanh's local derivative 1 - A1^2, in float32, on the act1 node.
    expect(await live(tab, 'local-act1')).toBe(Math.fround(1 - Math.fround(a * a)));
    expect(trace).toBe(a);
    await tab.close();
  });
});

describe('the engines in a worker', () => {
  it('switches to every engine without a main-thread task over 200 ms, and measures its steps/s on the seed net', async () => {
    // tfjs's WebAssembly binaries, as the tab (its engine worker included) requests them, from its load on.
    const tfjsWasm: string[] = [];
    const onRequest = (r: Request) => {
      if (r.url().includes('tfjs-backend-wasm')) tfjsWasm.push(r.url());
    };
    page.context().on('request', onRequest);
    const tab = await openPage();
    const ids = await tab
      .locator('[data-testid^=backend-]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')?.slice('backend-'.length) ?? ''));
    expect(ids).toEqual(['ts', 'onnx', 'tfjs', 'tfjs-wasm']);
    const cpu = readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/)?.[1] ?? 'unknown CPU';
    for (const id of [...ids.slice(1), 'ts']) {
      if (id === 'tfjs-wasm') expect(tfjsWasm, 'tfjs wasm fetched before its engine was picked').toEqual([]);
      const from = await tab.evaluate(() => performance.now());
      await tab.click(`[data-testid=backend-${id}]`);
      await tab.waitForSelector(`[data-testid=status][data-backend=${id}]`, { timeout: 60_000 });
      await idle(tab);
      // The window is the switch itself (the engine loading and the handover); the measurement after it
      // runs in the worker too, but is not part of what the check is about.
      const to = await tab.evaluate(() => performance.now());
      const long = await tab.evaluate(
        ([a, b]) =>
          (
            window as unknown as { onegradLongTasks: { start: number; duration: number }[] }
          ).onegradLongTasks.filter((t) => t.start >= a! && t.start <= b! && t.duration > 200),
        [from, to],
      );
      expect(long, `main-thread tasks over 200 ms while switching to ${id}`).toEqual([]);
      await tab.click('[data-testid=measure]');
      await tab.waitForSelector(`[data-testid=rate-${id}]`, { timeout: 30_000 });
      await idle(tab);
      const rate = Number(await tab.getAttribute(`[data-testid=rate-${id}]`, 'data-value'));
      expect(rate).toBeGreaterThan(0);
      console.log(
        `steps/s on the seed net (2-2-1, bce, float32), ${id}: ${Math.round(rate)} (Chromium, ${cpu})`,
      );
    }
    page.context().off('request', onRequest);
    // One binary, the single-threaded SIMD build: the threaded one's pthread workers cannot load the bundle.
    expect(tfjsWasm).toHaveLength(1);
    expect(tfjsWasm[0]).toMatch(/\/tfjs-backend-wasm-simd-[\w-]+\.wasm$/);
    await tab.close();
  });
});

describe('the seed beside the page, and editing the points', () => {
  it("shows the seed's NumPy program beside the mapping to the row-major layout", async () => {
    const tab = await openPage();
    await tab.click('[data-testid=layout] summary');
    expect(await tab.textContent('[data-testid=seed-program]')).toContain('dA2 = error / (A2 * (1 - A2))');
    expect(await tab.locator('[data-testid=mapping] tbody tr').count()).toBe(7);
    expect(await tab.textContent('[data-testid=mapping]')).toContain('batch.x (m x 2) = X_trainᵀ');
    await tab.close();
  });

  it('adds a point where the plane is clicked and removes it with a second click', async () => {
    const tab = await openPage('?dataset=xor&hidden=3');
    const points = () =>
      tab.evaluate(() => (window as unknown as DemoWindow).onegradDemo.dataset.points.length);
    expect(await points()).toBe(4);
    const box = (await tab.locator('[data-testid=plane]').boundingBox())!;
    // The middle of the plane: no XOR corner is there. A right click adds a class-1 point.
    const middle = { x: box.width / 2, y: box.height / 2 };
    await tab.locator('[data-testid=plane]').click({ position: middle, button: 'right' });
    await tab.waitForSelector('[data-testid=notice]:has-text("Added a point")');
    await idle(tab);
    expect(await points()).toBe(5);
    const added = await tab.evaluate(() => {
      const d = (window as unknown as DemoWindow).onegradDemo.dataset;
      return {
        label: d.labels.at(-1),
        rows: (window as unknown as DemoWindow).onegradDemo.trainer!.batch.x.rows,
      };
    });
    expect(added).toEqual({ label: 1, rows: 5 });
    await tab.locator('[data-testid=plane]').click({ position: middle });
    await tab.waitForSelector('[data-testid=notice]:has-text("Removed a point")');
    await idle(tab);
    expect(await points()).toBe(4);
    await tab.close();
  });
});
