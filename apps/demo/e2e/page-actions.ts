import type { DType, Matrix, NetworkSpec, Params } from '@onegrad/core';
import type { Page } from 'playwright-core';
import type { DemoWindow } from './judge-in-node.js';

/** Plays until at least `n` more steps were taken, then pauses. */
export async function train(page: Page, n: number): Promise<void> {
  const steps = () => page.evaluate(() => (window as unknown as DemoWindow).onegradDemo.trainer!.steps);
  const target = (await steps()) + n;
  await page.click('[data-testid=play]');
  await page.waitForFunction(
    (t) => (window as unknown as DemoWindow).onegradDemo.trainer!.steps >= t,
    target,
    { timeout: 60_000 },
  );
  await page.click('[data-testid=pause]');
  await page.waitForSelector('[data-testid=play]');
}

/** The exact numbers behind the cells with test id `id` (their `data-value` attributes), in page order. */
export async function cellValues(page: Page, id: string): Promise<number[]> {
  const cells = await page
    .locator(`[data-testid=${id}]`)
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-value')));
  return cells.map((v) => Number(v));
}

// Typed arrays reach Node as plain arrays of doubles, which hold float32 and float64 values (and -0) exactly.
function revived(params: { W: Plain; b: Plain }[], dtype: DType): Params {
  const typed = (m: Plain): Matrix => ({
    rows: m.rows,
    cols: m.cols,
    data: dtype === 'float32' ? Float32Array.from(m.data) : Float64Array.from(m.data),
  });
  return params.map((p) => ({ W: typed(p.W), b: typed(p.b) }));
}

type Plain = { rows: number; cols: number; data: number[] };

/** The page's network spec and its current parameters, in the network's dtype. */
export async function pageParams(page: Page): Promise<{ spec: NetworkSpec; params: Params }> {
  const got = await page.evaluate(async () => {
    const t = (window as unknown as DemoWindow).onegradDemo.trainer!;
    const params = await t.getParams();
    const plain = (m: { rows: number; cols: number; data: ArrayLike<number> }) => ({
      rows: m.rows,
      cols: m.cols,
      data: Array.from(m.data),
    });
    return { spec: t.spec, params: params.map((p) => ({ W: plain(p.W), b: plain(p.b) })) };
  });
  return { spec: got.spec, params: revived(got.params, got.spec.dtype) };
}

/** The parameters the step on display started from (after a reset: the network's first parameters). */
export async function startParams(page: Page): Promise<Params> {
  const got = await page.evaluate(() => {
    const t = (window as unknown as DemoWindow).onegradDemo.trainer!;
    const plain = (m: { rows: number; cols: number; data: ArrayLike<number> }) => ({
      rows: m.rows,
      cols: m.cols,
      data: Array.from(m.data),
    });
    return {
      dtype: t.spec.dtype,
      params: (t.lastTraced?.params ?? []).map((p) => ({ W: plain(p.W), b: plain(p.b) })),
    };
  });
  return revived(got.params, got.dtype);
}

/** Waits until the page's controller has finished every queued call. */
export async function idle(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as DemoWindow).onegradDemo.idle());
}
