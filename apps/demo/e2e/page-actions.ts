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
    { timeout: 20_000 },
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
