import { describe, expect, it } from 'vitest';
import { derivation, isCanonical, slopeAt, stepNodes, stepStops } from './step-graph.js';

describe('the step graph', () => {
  const spec = { sizes: [2, 3, 3, 1], loss: 'bce', dtype: 'float32' } as const;

  it('has the loss and each activation as nodes of their own, and a step-through over every node', () => {
    expect(stepNodes(spec).map((n) => n.id)).toEqual([
      'X',
      'mm1',
      'Z1',
      'act1',
      'A1',
      'mm2',
      'Z2',
      'act2',
      'A2',
      'mm3',
      'Z3',
      'act3',
      'A3',
      'loss',
      'J',
    ]);
    const stops = stepStops(spec);
    expect(stops).toHaveLength(15 + 14);
    expect(stops[14]).toEqual({ node: 'J', pass: 'forward' });
    expect(stops[15]).toEqual({ node: 'J', pass: 'backward' });
    expect(stops.at(-1)).toEqual({ node: 'mm1', pass: 'backward' });
  });

  it('writes each local derivative in the dtype, and only canonical pairs cancel', () => {
    expect(slopeAt('sigmoid', 0.75, 1, 'float64')).toBe(0.1875);
    expect(slopeAt('tanh', 0.5, 1, 'float64')).toBe(0.75);
    expect([slopeAt('relu', 2, 2, 'float32'), slopeAt('relu', 0, -1, 'float32')]).toEqual([1, 0]);
    expect(slopeAt('softmax', 0.5, 0, 'float32')).toBeUndefined();
    expect([
      isCanonical('bce', 'sigmoid'),
      isCanonical('cce', 'softmax'),
      isCanonical('mse', 'identity'),
    ]).toEqual([true, true, true]);
    expect([isCanonical('mse', 'sigmoid'), isCanonical('bce', 'identity')]).toEqual([false, false]);
    expect(derivation('bce', 'sigmoid', 2)[1]).toContain('= A2 − Y: the factors cancel');
    expect(derivation('mse', 'sigmoid', 2)[0]).toContain('dJ/dA2 = 2 (A2 − Y)');
    expect(derivation('mse', 'sigmoid', 2)[1]).toContain('A2 (1 - A2): nothing cancels');
    expect(derivation('cce', 'softmax', 2)[1]).toContain('A2 − Y');
  });
});
