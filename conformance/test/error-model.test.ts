import { MIN_NORMAL, UNIT_ROUNDOFF } from '@onegrad/core';
import { describe, expect, test } from 'vitest';
import { saturationProblem } from '../src/cases/saturation.js';
import { seedProblem } from '../src/cases/seed.js';
import { expectedOf } from '../src/cases/single-step-case.js';
import { judgeBceGrad } from '../src/error-model/bce-grad-judge.js';
import { boundOf } from '../src/error-model/expected.js';
import { classOf, unfusedBceGrad } from '../src/error-model/float-class.js';

// The output layer's A and the judgement of its unfused dA for the saturation net at z, target y.
function judge(z: number, y: 0 | 1, dtype: 'float32' | 'float64') {
  const out = expectedOf(saturationProblem(z, 'bce')).layers[1];
  if (!out) throw new Error('no output layer');
  const i = y;
  const delta = boundOf(out.a, i, UNIT_ROUNDOFF[dtype], MIN_NORMAL[dtype]);
  return judgeBceGrad(out.a.hi[i] as number, out.a.lo[i] as number, delta, y, out.dA.hi[i] as number, dtype);
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

  test('z = -90 with y = 1 in float32: a is subnormal, so 1/a overflows or a flushes: ill-conditioned', () => {
    expect(judge(-90, 1, 'float32').kind).toBe('ill-conditioned');
    expect(judge(-90, 1, 'float64')).toMatchObject({ kind: 'strict', expected: 'finite' });
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
