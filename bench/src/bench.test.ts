import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRows, MANY_STEPS } from './rows.js';
import { type Report, rowId } from './types.js';

const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const ROW_KEYS = [
  'workload',
  'impl',
  'engine',
  'dtype',
  'stepsPerCall',
  'medianMs',
  'minMs',
  'maxMs',
  'gflops',
  'peakRssMb',
  'vs',
];

// The smoke test of `pnpm bench --quick`: every row runs and the report has its documented shape.
// Timings are never asserted: the machine may be busy.
describe('onegrad-bench --quick', () => {
  let dir: string;
  let report: Report;
  let stdout: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'onegrad-bench-'));
    const run = await promisify(execFile)(process.execPath, [MAIN, '--quick', '--out', dir], {
      maxBuffer: 1 << 24,
    });
    stdout = run.stdout;
    report = JSON.parse(await readFile(join(dir, 'results.json'), 'utf8')) as Report;
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('runs every row, or skips it with the reason a backend refusing the spec gave', () => {
    const skipped = report.skipped ?? [];
    const byPlan = (ids: string[]) =>
      allRows()
        .map(rowId)
        .filter((id) => ids.includes(id));
    expect(report.rows.map(rowId)).toEqual(byPlan(report.rows.map(rowId)));
    expect(skipped.map(rowId)).toEqual(byPlan(skipped.map(rowId)));
    expect([...report.rows, ...skipped].map(rowId).sort()).toEqual(allRows().map(rowId).sort());
    // Only a onegrad backend without a kernel for W5 may skip; the sigmoid workloads always run.
    for (const s of skipped) {
      expect(s.workload).toBe('W5');
      expect(s.impl).toMatch(/^onegrad-(tfjs|onnx)$/);
      expect(s.reason).toMatch(/refuses the spec: spec\./);
    }
  });

  it('runs W5 (relu, softmax, cce) on ts in both dtypes, against the plain loop and the floor', () => {
    for (const dtype of ['float32', 'float64']) {
      const row = report.rows.find((r) => rowId(r) === `W5/onegrad-ts/js/${dtype}`);
      expect(row?.medianMs).toBeGreaterThan(0);
      expect(Object.keys(row?.vs ?? {})).toEqual(['plain-loop', 'ort-gemm-floor']);
    }
    expect(stdout).toContain('W5 "classifier": 784-256-10, batch 128, relu/softmax, cce');
    expect(stdout).toContain('| W5 | onegrad-ts |');
  });

  it('writes the JSON shape other tools read', () => {
    expect(Object.keys(report).sort()).toEqual(['date', 'machine', 'rows', 'skipped']);
    expect(Number.isNaN(Date.parse(report.date))).toBe(false);
    expect(report.machine).toEqual({
      cpu: expect.any(String),
      cores: expect.any(Number),
      node: process.version,
    });
    for (const row of report.rows) {
      const ort = row.impl === 'onegrad-onnx' || row.impl === 'ort-gemm-floor';
      expect(Object.keys(row).sort()).toEqual([...ROW_KEYS, ...(ort ? ['threads'] : [])].sort());
      expect([1, MANY_STEPS]).toContain(row.stepsPerCall);
      if (ort) expect([1, 2]).toContain(row.threads);
      for (const key of ['medianMs', 'minMs', 'maxMs', 'gflops', 'peakRssMb'] as const) {
        expect(row[key], `${rowId(row)} ${key}`).toBeGreaterThan(0);
      }
      expect(row.minMs).toBeLessThanOrEqual(row.medianMs);
      expect(row.medianMs).toBeLessThanOrEqual(row.maxMs);
      for (const ratio of Object.values(row.vs)) expect(Number.isFinite(ratio) && ratio > 0).toBe(true);
    }
  });

  it('compares each onegrad row with its peers and the floor', () => {
    const w3 = (impl: string, engine: string) =>
      report.rows.find((r) => r.workload === 'W3' && r.impl === impl && r.engine === engine);
    expect(Object.keys(w3('onegrad-tfjs', 'tfjs-wasm')?.vs ?? {})).toEqual([
      'tfjs-layers/wasm',
      'ort-gemm-floor',
    ]);
    expect(Object.keys(w3('onegrad-ts', 'js')?.vs ?? {})).toEqual([
      'plain-loop',
      'brainjs',
      'ort-gemm-floor',
    ]);
    expect(w3('ort-gemm-floor', 'ort-cpu')?.vs).toEqual({});
    const at = (id: string) => report.rows.find((r) => rowId(r) === id)?.vs ?? {};
    expect(Object.keys(at('W1/onegrad-tfjs/tfjs-cpu/float32/k1000'))).toEqual([
      'tfjs-layers/cpu',
      'ort-gemm-floor',
      'single-step',
    ]);
    expect(Object.keys(at('W3/onegrad-onnx/ort-cpu/float32/t2'))).toEqual([
      'tfjs-layers/wasm',
      'plain-loop',
      'ort-gemm-floor',
      'threads-1',
      'float64',
    ]);
    expect(Object.keys(at('W1/onegrad-onnx/ort-cpu/float32/k1000'))).toEqual([
      'tfjs-layers/wasm',
      'plain-loop',
      'ort-gemm-floor',
      'single-step',
      'float64',
    ]);
    expect(Object.keys(at('W1/onegrad-onnx/ort-cpu/float64/k1000'))).not.toContain('float64');
  });

  it('writes the markdown table and the SVG chart', async () => {
    expect(stdout).toContain('| W3 | onegrad-onnx |');
    expect(await readFile(join(dir, 'results.md'), 'utf8')).toBe(stdout);
    const svg = await readFile(join(dir, 'chart.svg'), 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.match(/<rect /g)).toHaveLength(report.rows.length + 1);
  });
});
