import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freshNpmProject, npmInstall } from '../src/fresh-project.js';
import { PUBLIC_PACKAGES, ROOT } from '../src/public-packages.js';
import { run } from '../src/run.js';

const EXAMPLES = join(ROOT, 'examples');
let dir = '';
// What each example printed, for the READMEs' quotes.
const printed = new Map<string, string>();

// What the READMEs tell a user to install for the examples: core, the ts and onnx backends and the
// runtime the export example calls itself.
beforeAll(async () => {
  dir = await freshNpmProject('examples');
  const tarballs = inject('tarballs');
  const names = ['@onegrad/core', '@onegrad/backend-ts', '@onegrad/backend-onnx'];
  await npmInstall(dir, [...names.map((n) => tarballs[n] as string), 'onnxruntime-node@1.30.0']);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Copies examples/<name> into the fresh project (Node resolves its imports from where the file is), runs it and returns what it printed. */
async function example(name: string): Promise<string> {
  await writeFile(join(dir, name), await readFile(join(EXAMPLES, name), 'utf8'));
  const { stdout, stderr } = await run('node', [name], dir);
  expect(stderr).toBe('');
  printed.set(name, stdout);
  return stdout;
}

const numbers = (text: string): number[] => (text.match(/-?\d+\.\d+/g) ?? []).map(Number);

describe('every example runs in a fresh npm project and prints what it shows', () => {
  it('seed-and-xor.mjs: the seed network learns and the fused dZ2 is A2 - Y; XOR is learned', async () => {
    const out = await example('seed-and-xor.mjs');
    const [before, after] = numbers(/seed: cost (.*) after/.exec(out)?.[1] ?? '');
    expect(after).toBeLessThan((before as number) / 10);
    const [a1, a2, dz1, dz2] = numbers(/A2 = (.*)/.exec(out)?.[1] ?? '');
    expect([dz1, dz2]).toEqual([Number(((a1 as number) - 1).toFixed(4)), a2]);
    const xor = numbers(/xor: 00 01 10 11 -> (.*)/.exec(out)?.[1] ?? '');
    expect(xor.map((p) => (p > 0.5 ? 1 : 0))).toEqual([0, 1, 1, 0]);
  });

  it('switch-engine.mjs: ONNX Runtime takes over where ts stopped and training goes on', async () => {
    const out = await example('switch-engine.mjs');
    const at300 = numbers(/ts: cost after 300 steps (.*)/.exec(out)?.[1] ?? '')[0] as number;
    const line = /step 301 on ts (\S+), on onnxruntime-node 1\.30\.0 \(cpu\) (\S+)/.exec(out);
    // float64 on both engines from the same parameters: they agree far below the 1e-6 printed.
    expect(Math.abs(Number(line?.[1]) - Number(line?.[2]))).toBeLessThanOrEqual(1e-6);
    expect(Number(line?.[1])).toBeLessThan(at300);
    const at600 = numbers(/onnx: cost after 600 steps (.*)/.exec(out)?.[1] ?? '')[0] as number;
    expect(at600).toBeLessThan(at300 / 2);
  });

  it('save-load-params.mjs: the file restores the network bit for bit', async () => {
    const out = await example('save-load-params.mjs');
    expect(out).toMatch(/^saved \d+ bytes, crc32:[0-9a-f]{8}$/m);
    expect(out).toContain('parameters equal bit for bit: true');
    expect(out).toContain('outputs equal bit for bit: true');
  });

  it('export-onnx.mjs: onnxruntime-node runs the exported model and agrees with the session', async () => {
    const out = await example('export-onnx.mjs');
    expect(out).toMatch(/^exported \d+ bytes of ONNX$/m);
    const ort = numbers(/onnxruntime-node: (.*)/.exec(out)?.[1] ?? '');
    const own = numbers(/session\.forward: (.*)/.exec(out)?.[1] ?? '');
    expect(ort).toHaveLength(2);
    // float32 sigmoids a few ulps (about 1e-7) apart, printed to 1e-6.
    for (const [i, p] of ort.entries()) expect(Math.abs(p - (own[i] as number))).toBeLessThanOrEqual(1e-6);
    expect(ort[0]).toBeGreaterThan(0.9);
    expect(ort[1]).toBeLessThan(0.1);
  });

  it('fit-csv.mjs: fit trains on rows of your own data and predicts the held-out rows', async () => {
    const out = await example('fit-csv.mjs');
    expect(out.match(/^epoch \d+: cost/gm)).toHaveLength(4);
    const [first, last] = numbers(/^1200 steps, cost (.*)$/m.exec(out)?.[1] ?? '');
    expect(last).toBeLessThan((first as number) / 10);
    const validation = /validation: predicted (.*), actual (.*)/.exec(out);
    expect(validation?.[1]).toBe(validation?.[2]);
  });
});

it('the READMEs quote every example as it is, with what it printed', async () => {
  const readmes = await Promise.all(
    PUBLIC_PACKAGES.map((p) => readFile(join(ROOT, p.dir, 'README.md'), 'utf8')),
  );
  const files = (await readdir(EXAMPLES)).filter((f) => f.endsWith('.mjs'));
  expect(files.length).toBeGreaterThanOrEqual(5);
  for (const f of files) {
    const source = (await readFile(join(EXAMPLES, f), 'utf8')).trimEnd();
    const quote = `\`\`\`js\n${source}\n\`\`\`\n\nPrinted:\n\n\`\`\`\n${printed.get(f)}\`\`\``;
    expect(
      readmes.some((r) => r.includes(quote)),
      f,
    ).toBe(true);
  }
});
