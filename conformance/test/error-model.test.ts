import { MIN_NORMAL } from '@onegrad/core';
import { describe, expect, test } from 'vitest';
import { saturationProblem } from '../src/cases/saturation.js';
import { seedProblem } from '../src/cases/seed.js';
import { expectedOf } from '../src/cases/single-step-case.js';
import { arithmeticOf } from '../src/error-model/arithmetic.js';
import { classOf, unfusedBceGrad } from '../src/error-model/float-class.js';
import { boundOf } from '../src/judge/expected.js';
import { judgeBceGrad } from '../src/judge/unfused-grad-judge.js';

// The output layer's A and the judgement of its unfused dA for the saturation net at z, target y.
function judge(z: number, y: 0 | 1, dtype: 'float32' | 'float64', flushesSubnormals = false) {
  const out = expectedOf(saturationProblem(z, 'bce')).layers[1];
  if (!out) throw new Error('no output layer');
  const i = y;
  const { u, floor } = arithmeticOf(dtype, flushesSubnormals);
  const delta = boundOf(out.a, i, u, floor);
  const exactGrad = out.dA.hi[i] as number;
  return {
    exactGrad,
    ...judgeBceGrad(out.a.hi[i] as number, out.a.lo[i] as number, delta, y, exactGrad, dtype, floor),
  };
}

describe('classifying the unfused bce dA', () => {
  test('IEEE classes of (a - y) / (a (1 - a)) at saturation', () => {
    expect(classOf(unfusedBceGrad(1, 0, 'float32'))).toBe('+Inf');
    expect(classOf(unfusedBceGrad(1, 1, 'float32'))).toBe('NaN');
    expect(classOf(unfusedBceGrad(0, 1, 'float64'))).toBe('-Inf');
    expect(classOf(unfusedBceGrad(0, 0, 'float64'))).toBe('NaN');
  });

  test('z = +17 is ill-conditioned in float32 (a rounds to 1 or to 1 - 2^-24) and strict in float64', () => {
    expect(judge(17, 0, 'float32').kind).toBe('ill-conditioned');
    expect(judge(17, 0, 'float64')).toMatchObject({ kind: 'strict', expected: 'finite' });
  });

  test('moderate outputs are strict and finite, with a bound of a few ulps', () => {
    const v = judge(-17, 0, 'float32');
    expect(v).toMatchObject({ kind: 'strict', expected: 'finite' });
    if (v.kind === 'strict') expect(v.bound).toBeLessThan(1e-5);
  });

  test('z = -90 with y = 1 in float32: a is subnormal (8e-40) and kept, so 1/a overflows: strict -Inf', () => {
    expect(judge(-90, 1, 'float32')).toMatchObject({ kind: 'strict', expected: '-Inf' });
    expect(judge(-90, 1, 'float64')).toMatchObject({ kind: 'strict', expected: 'finite' });
  });

  test('an ill-conditioned finite dA must lie in the range f takes over the interval', () => {
    // z = +17, y = 0, float32: f(t) = 1 / (1 - t); the largest float32 below 1 gives 2^24, the exact a 2.4e7.
    const v = judge(17, 0, 'float32');
    if (v.kind !== 'ill-conditioned') throw new Error('expected ill-conditioned');
    expect(v.classes).toEqual(expect.arrayContaining(['finite', '+Inf']));
    expect(v.low).toBeGreaterThan(1);
    expect(v.low).toBeLessThan(2 ** 24);
    expect(v.high).toBeGreaterThanOrEqual(v.exactGrad);
    expect(v.high).toBeLessThan(v.exactGrad * (1 + 1e-6));
    expect(1000 * 2 ** 24).toBeGreaterThan(v.high);
  });
});

describe('the underflow floor', () => {
  test('gradual underflow: half the subnormal spacing, u MIN_NORMAL (rounded up to a double for float64)', () => {
    expect(arithmeticOf('float32').floor).toBe(2 ** -150);
    expect(arithmeticOf('float64').floor).toBe(2 ** -1074);
  });

  test('flush to zero: the whole MIN_NORMAL', () => {
    expect(arithmeticOf('float32', true).floor).toBe(MIN_NORMAL.float32);
    expect(arithmeticOf('float64', true).floor).toBe(MIN_NORMAL.float64);
  });

  // With MIN_NORMAL per operation any A in [0, 4.7e-38] passed, a flushed 0 included; now 0 fails.
  test('z = -90 in float32: A = e^-90 is subnormal and judged strictly', () => {
    const a = expectedOf(saturationProblem(-90, 'bce')).layers[1]?.a;
    if (!a) throw new Error('no output layer');
    const { u, floor } = arithmeticOf('float32');
    expect(a.hi[0]).toBeLessThan(MIN_NORMAL.float32);
    expect(boundOf(a, 0, u, floor)).toBeLessThan((a.hi[0] as number) * 1e-3);
    expect(boundOf(a, 0, u, MIN_NORMAL.float32)).toBeGreaterThan(a.hi[0] as number);
  });
});

describe('bound coefficients', () => {
  test('the seed net: Z of layer 1 is exact for the all-zero sample (bound is the floor alone)', () => {
    const z1 = expectedOf(seedProblem('bce')).layers[0]?.z;
    // Sample 2 is x = [0, 0] with b = 0: no rounding can happen, the magnitude term is 0.
    expect(z1?.m[2]).toBe(0);
    expect(z1?.m[3]).toBe(0);
    expect(z1?.f[2]).toBe(4);
  });

  test('the fused dZ2 keeps a bound relative to |A - Y| while the unfused dA2 blows up at saturation', () => {
    const out = expectedOf(saturationProblem(40, 'bce')).layers[1];
    expect(out?.dZ.hi[0]).toBeCloseTo(1, 15);
    expect(out?.dZ.m[0]).toBeLessThan(10);
    expect(Math.abs(out?.dA.hi[0] as number)).toBeGreaterThan(1e17);
  });
});
