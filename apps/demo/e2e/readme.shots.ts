import { fileURLToPath } from 'node:url';
import { it } from 'vitest';
import { launchBrowser } from './browser.js';
import { idle, train } from './page-actions.js';
import { servePage } from './serve.js';

const docs = (name: string) => fileURLToPath(new URL(`../docs/${name}`, import.meta.url));

it('writes the README screenshots at desktop and phone width', async () => {
  const { server, url } = await servePage();
  const browser = await launchBrowser();
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    // Desktop: moons on TypeScript, then ONNX Runtime, with the step-through on the output activation.
    await page.goto(new URL('?dataset=moons&hidden=8&lr=0.5&speed=100', url).href);
    await page.waitForSelector('[data-testid=graph]');
    await idle(page);
    await train(page, 1500);
    await page.click('[data-testid=backend-onnx]');
    await page.waitForSelector('[data-testid=status][data-backend=onnx]', { timeout: 60_000 });
    await train(page, 60);
    await page.click('[data-testid=walk-start]');
    for (let k = 0; k < 7; k++) await page.click('[data-testid=walk-next]');
    await page.screenshot({ path: docs('screenshot.png'), fullPage: true });
    // Phone: the seed's own network, saturated, with the lesson run.
    const phone = await browser.context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(url);
    await phone.waitForSelector('[data-testid=graph]');
    await idle(phone);
    await phone.click('[data-testid=saturate]');
    await phone.click('[data-testid=lesson-run]');
    await phone.waitForSelector('[data-testid=lesson][data-done=true]', { timeout: 60_000 });
    await phone.screenshot({ path: docs('screenshot-390.png'), fullPage: true });
  } finally {
    await browser.close();
    await server.close();
  }
});
