import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ConformanceTarget } from '../target.js';
import { dtypesOf, PageChannel, remoteBackend } from './remote-backend.js';
import { HOST_GLOBAL, type PageEngine } from './wire.js';

/** Where Debian's Chromium lives; override with ONEGRAD_CHROMIUM. */
export const CHROMIUM = process.env.ONEGRAD_CHROMIUM ?? '/usr/bin/chromium';

// The networking flags keep Chromium off update and sync hosts; --enable-unsafe-webgpu exposes the
// software (SwiftShader) WebGPU adapter, which headless Chromium otherwise hides (requestAdapter() is null).
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--enable-unsafe-webgpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The browser run: one target per page engine that started, the engines that did not, and `close`. */
export interface BrowserRun {
  /** Targets proxying to the page, with `runtime: 'chromium'`. */
  readonly targets: ConformanceTarget[];
  /** Engines that could not run, with the reason measured in the page. */
  readonly unavailable: readonly PageEngine[];
  /** The browser's version string, e.g. `156.0.7500.0`. */
  readonly browserVersion: string;
  /** Closes the browser and the page server and removes the built page. */
  close(): Promise<void>;
}

/** The page's folder (its index.html and engines) in this package. */
export const PAGE_DIR = fileURLToPath(new URL('../../browser/', import.meta.url));

/**
 * Builds the page of `pageDir` with Vite into a temporary folder, serves it on 127.0.0.1, opens it in
 * headless Chromium and starts every engine it offers; nothing is fetched from outside the machine.
 */
export async function startBrowserRun(pageDir: string = PAGE_DIR): Promise<BrowserRun> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `no Chromium at ${CHROMIUM}: install Debian's (apt-get install -y chromium) or set ONEGRAD_CHROMIUM`,
    );
  if (!existsSync(join(pageDir, 'index.html')))
    throw new Error(
      `no browser page at ${pageDir}: --browser runs in the onegrad workspace, on its backends`,
    );
  const [{ build, preview }, { chromium }] = await Promise.all([import('vite'), import('playwright-core')]);
  const outDir = mkdtempSync(join(tmpdir(), 'onegrad-conformance-page-'));
  const cleanups: (() => Promise<void> | void)[] = [() => rmSync(outDir, { recursive: true, force: true })];
  const close = async () => {
    for (const c of cleanups.reverse()) await c();
  };
  try {
    const configFile = join(pageDir, 'vite.config.ts');
    await build({ root: pageDir, configFile, logLevel: 'error', build: { outDir, emptyOutDir: true } });
    const server = await preview({
      root: pageDir,
      configFile,
      logLevel: 'silent',
      build: { outDir },
      preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
    });
    cleanups.push(() => server.close());
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error('the page server has no local address');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    cleanups.push(() => browser.close());
    const page = await browser.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(url);
    await page
      .waitForFunction((name) => name in globalThis, HOST_GLOBAL, { timeout: 60_000 })
      .catch((cause: unknown) => {
        throw new Error(`the conformance page did not start: ${pageErrors.join('; ') || String(cause)}`);
      });
    const engines = (await page.evaluate(
      (name) => (globalThis as unknown as Record<string, { engines(): Promise<unknown> }>)[name]?.engines(),
      HOST_GLOBAL,
    )) as PageEngine[];
    const channel = new PageChannel(page);
    const targets: ConformanceTarget[] = [];
    for (const e of engines) {
      if (!e.info) continue;
      const info = { ...e.info, dtypes: dtypesOf(e.info.dtypes) };
      targets.push({
        name: e.name,
        runtime: 'chromium',
        create: () => remoteBackend(channel, e.name, info),
        ...(e.flushesSubnormals ? { flushesSubnormals: true } : {}),
      });
    }
    return { targets, unavailable: engines.filter((e) => !e.info), browserVersion: browser.version(), close };
  } catch (error) {
    await close();
    throw error;
  }
}
