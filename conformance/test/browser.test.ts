import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

// `--browser` builds the page (browser/) with Vite, opens it in Debian's Chromium and proxies every
// call to the engines in it; the workspace's backends must be built (the root `pnpm test` builds all).
const main = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));
const CHROMIUM = process.env.ONEGRAD_CHROMIUM ?? '/usr/bin/chromium';
// A selection that keeps the run short on a busy machine: the seed, the bce tail and saturation, every
// contract case, and the switch cases, whose partner (ts, the config's first target) runs in Node.
const CASES = 'seed/*,tail/*,saturation/sigmoid+bce/*,contract/*,deviations/*,switch/*';

describe('onegrad-conformance --browser', () => {
  test('onnx-web runs in Chromium; the WebGPU engines get their row with the measured reason', () => {
    expect(existsSync(CHROMIUM), `no Chromium at ${CHROMIUM}`).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'onegrad-browser-'));
    try {
      const json = join(dir, 'report.json');
      const r = spawnSync(
        process.execPath,
        [main, '--browser', '--only', 'onnx-web,tfjs-webgpu,onnx-webgpu', '--cases', CASES, '--json', json],
        { cwd: root, encoding: 'utf8', timeout: 150_000 },
      );
      expect(r.status, r.stdout + r.stderr).toBe(0);
      expect(r.stderr).toMatch(/^chromium \d+\./m);
      expect(r.stdout).toMatch(/onnx-web\s+float32\s+chromium\s.*pass/);
      const report = JSON.parse(readFileSync(json, 'utf8'));
      const rows = report.backends.filter((b: { runtime: string }) => b.runtime === 'chromium');
      const web = rows.filter((b: { name: string }) => b.name === 'onnx-web');
      expect(web.map((b: { dtype: string }) => b.dtype)).toEqual(['float32', 'float64']);
      for (const b of web) {
        expect(b.pass).toBe(true);
        expect(b.cases).toBeGreaterThan(20);
        expect(b.results.some((c: { id: string }) => c.id.startsWith('switch/'))).toBe(true);
        expect(b.results.some((c: { id: string }) => c.id.startsWith('contract/'))).toBe(true);
      }
      // Each WebGPU engine either ran (then it has cases) or says why not, from what the page measured.
      for (const name of ['tfjs-webgpu', 'onnx-webgpu']) {
        const row = rows.find((b: { name: string }) => b.name === name);
        expect(row, name).toBeDefined();
        if (row.unavailable) {
          expect(row.unavailable.tried).toBe(true);
          expect(row.unavailable.reason).toMatch(/adapter|navigator\.gpu/);
          expect(r.stdout).toContain(`not run ${name} chromium (tried): ${row.unavailable.reason}`);
        } else expect(row.cases).toBeGreaterThan(0);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);

  test('tfjs-webgl: the unfused dA at saturation is non-finite where IEEE arithmetic makes it so', () => {
    // tfjs's WebGL RealDiv returns 1 for equal operands, 0/0 included; backend-tfjs divides around it.
    const r = spawnSync(
      process.execPath,
      [
        main,
        '--browser',
        '--only',
        'tfjs-webgl',
        '--cases',
        'saturation/sigmoid+bce/*,saturation/sigmoid-softmax+cce/*',
      ],
      { cwd: root, encoding: 'utf8', timeout: 150_000 },
    );
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stderr).toMatch(/ok\s+tfjs-webgl float32 saturation\/sigmoid\+bce\/\+17/);
    expect(r.stdout).toMatch(/tfjs-webgl\s+float32\s+chromium\s.*pass/);
  }, 180_000);
});
