import { describe, expect, it } from 'vitest';
import { withRatios } from './collect.js';
import { MANY_STEPS } from './rows.js';
import { checkTargets, DEMO_GAIN, DEMO_STEPS_PER_SECOND_BEFORE, type TargetCheck } from './targets.js';
import type { RowResult, RowSpec } from './types.js';

// Synthetic rows: the checks are computed from the medians alone, so each case sets the medians that
// put a target just inside or just outside its threshold.
function measured(spec: Omit<RowSpec, 'stepsPerCall'> & { stepsPerCall?: number }, medianMs: number) {
  return { stepsPerCall: 1, ...spec, medianMs, minMs: medianMs, maxMs: medianMs, gflops: 1 };
}

function onnx(workload: string, dtype: 'float32' | 'float64', medianMs: number, row: Partial<RowSpec> = {}) {
  return measured({ workload, impl: 'onegrad-onnx', engine: 'ort-cpu', dtype, threads: 1, ...row }, medianMs);
}

function check(checks: readonly TargetCheck[], target: string): TargetCheck {
  const found = checks.find((c) => c.target === target);
  if (!found) throw new Error(`no check "${target}" among ${checks.map((c) => c.target).join('; ')}`);
  return found;
}

describe('onnx float32 against float64', () => {
  it('meets at a time ratio of at most 1 and misses above it, per workload', () => {
    const rows = withRatios([
      onnx('W2', 'float32', 1.0),
      onnx('W2', 'float64', 1.0),
      onnx('W3', 'float32', 3),
      onnx('W3', 'float64', 2),
    ]);
    expect(rows[0]?.vs.float64).toBe(1);
    expect(rows[1]?.vs).not.toHaveProperty('float64');
    const checks = checkTargets(rows);
    expect(check(checks, 'onnx float32 W2: no slower than onnx float64 (time ratio at most 1)')).toEqual({
      target: 'onnx float32 W2: no slower than onnx float64 (time ratio at most 1)',
      measured: '1.00x faster',
      met: true,
      miss: '',
    });
    const w3 = check(checks, 'onnx float32 W3: no slower than onnx float64 (time ratio at most 1)');
    expect([w3.met, w3.measured, w3.miss]).toEqual([false, '1.50x the time', '1.50x over the target']);
    // W1, W4 and W5 were not measured: no check is made up for them.
    expect(checks.filter((c) => c.target.includes('float64'))).toHaveLength(2);
  });

  it('pairs a many-steps, a two-thread and a Chromium row with the float64 row of its own kind', () => {
    const k = { stepsPerCall: MANY_STEPS };
    const t2 = { threads: 2 };
    const web = { engine: 'ort-wasm' as const, runtime: 'chromium' as const };
    const rows = withRatios([
      // One step per call, one thread, in Node: float32 twice as slow, so only this check may miss.
      onnx('W1', 'float32', 0.2),
      onnx('W1', 'float64', 0.1),
      onnx('W1', 'float32', 0.03, k),
      onnx('W1', 'float64', 0.04, k),
      onnx('W3', 'float32', 2, t2),
      onnx('W3', 'float64', 4, t2),
      onnx('W1', 'float32', 0.5, web),
      onnx('W1', 'float64', 1, web),
    ]);
    const checks = checkTargets(rows);
    const verdict = (where: string) =>
      check(checks, `onnx float32 ${where}: no slower than onnx float64 (time ratio at most 1)`).met;
    expect(verdict('W1')).toBe(false);
    expect(verdict(`W1, ${MANY_STEPS} steps per call`)).toBe(true);
    expect(verdict('W3, 2 threads')).toBe(true);
    expect(verdict('W1 (Chromium, onnxruntime-web)')).toBe(true);
    expect(
      check(
        checks,
        'onnx float32 W1, 1000 steps per call: no slower than onnx float64 (time ratio at most 1)',
      ).measured,
    ).toBe('1.33x faster');
  });

  it('misses a two-thread float32 row slower than its two-thread float64 row, whatever the one-thread rows say', () => {
    const rows = withRatios([
      onnx('W5', 'float32', 1),
      onnx('W5', 'float64', 5),
      onnx('W5', 'float32', 3, { threads: 2 }),
      onnx('W5', 'float64', 2, { threads: 2 }),
    ]);
    const checks = checkTargets(rows);
    expect(check(checks, 'onnx float32 W5: no slower than onnx float64 (time ratio at most 1)').met).toBe(
      true,
    );
    const t2 = check(
      checks,
      'onnx float32 W5, 2 threads: no slower than onnx float64 (time ratio at most 1)',
    );
    expect([t2.met, t2.miss]).toEqual([false, '1.50x over the target']);
  });
});

describe('the demo page against the figures measured before', () => {
  const demo = (engine: RowSpec['engine'], stepsPerSecond: number): RowResult => ({
    ...measured(
      { workload: 'W1', impl: 'demo-page', engine, dtype: 'float32', runtime: 'chromium' },
      1000 / stepsPerSecond,
    ),
    stepsPerSecond,
    vs: {},
  });
  const onnxTarget = `demo page onnx-web, seed net (Chromium): at least ${DEMO_GAIN}x the 114 steps/s measured before (2026-12-01, AMD EPYC family 26 model 2, Chromium), i.e. at least 2,280 steps/s`;
  const tfjsTarget = (tf: string) =>
    `demo page tfjs ${tf}, seed net (Chromium): at least ${DEMO_GAIN}x the 22 steps/s measured before (2026-12-01, AMD EPYC family 26 model 2, Chromium), i.e. at least 440 steps/s`;

  it('keeps the figures before, and asks for 20x them on onnx-web and tfjs', () => {
    expect(DEMO_STEPS_PER_SECOND_BEFORE).toEqual({ ts: 33_800, onnx: 114, tfjs: 22 });
    expect(DEMO_GAIN).toBe(20);
  });

  it('meets at 20x the rate before or more and misses below, on whichever tfjs backend the page ran', () => {
    const checks = checkTargets([
      demo('js', 1e6),
      demo('ort-wasm', 2280),
      demo('tfjs-cpu', 110),
      demo('tfjs-wasm', 3300),
    ]);
    expect(check(checks, onnxTarget)).toEqual({
      target: onnxTarget,
      measured: '2,280 steps/s, 20.0x the 114 before',
      met: true,
      miss: '',
    });
    expect(check(checks, tfjsTarget('webgl'))).toEqual({
      target: tfjsTarget('webgl'),
      measured: '110 steps/s, 5.00x the 22 before',
      met: false,
      miss: '4.00x too slow',
    });
    // The page's second tfjs engine is held to the same figure before, in a target of its own.
    expect(check(checks, tfjsTarget('wasm'))).toEqual({
      target: tfjsTarget('wasm'),
      measured: '3,300 steps/s, 150x the 22 before',
      met: true,
      miss: '',
    });
    // ts has a figure before but no target.
    expect(checks).toHaveLength(3);
    const slow = checkTargets([demo('ort-wasm', 2000), demo('tfjs-webgl', 440), demo('tfjs-wasm', 400)]);
    expect(check(slow, onnxTarget).met).toBe(false);
    expect(check(slow, tfjsTarget('webgl')).met).toBe(true);
    expect(check(slow, tfjsTarget('wasm'))).toMatchObject({ met: false, miss: '1.10x too slow' });
  });

  it('reads no demo target from a row of the bench page', () => {
    const page = { ...demo('ort-wasm', 1e5), impl: 'onegrad-onnx' as const };
    expect(checkTargets([page]).filter((c) => c.target.startsWith('demo page'))).toEqual([]);
  });
});
