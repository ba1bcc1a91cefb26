import { describe, expect, it } from 'vitest';
import { KernelRegistry, SpecError, validateSpec } from './index.js';

type Act = { readonly name: string };
type Los = { readonly name: string; readonly fusedGradZ?: () => void };

const names = {
  package: 'backend-x',
  noun: 'kernel',
  parameter: 'kernel.name',
  registerActivation: 'registerXActivation',
  registerLoss: 'registerXLoss',
};
const sigmoid: Act = { name: 'sigmoid' };
const bce: Los = { name: 'bce', fusedGradZ: () => undefined };

describe('KernelRegistry', () => {
  it('resolves a spec to one entry per layer and the loss, and says whether the output is fused', () => {
    const r = new KernelRegistry<Act, Los>(names, [sigmoid], [bce]);
    const got = r.resolve(validateSpec({ sizes: [2, 2, 1], loss: 'bce', dtype: 'float32' }), 'x');
    expect(got).toEqual({ activations: [sigmoid, sigmoid], loss: bce, fused: true });
  });

  it('names the missing entry, the backend and the function that adds it', () => {
    const r = new KernelRegistry<Act, Los>(names, [sigmoid], [bce]);
    const tanh = validateSpec({
      sizes: [2, 2, 1],
      loss: 'bce',
      dtype: 'float32',
      activations: ['tanh', 'sigmoid'],
    });
    expect(() => r.resolve(tanh, 'x')).toThrow(expect.objectContaining({ parameter: 'spec.activations[0]' }));
    expect(() => r.resolve(tanh, 'x')).toThrow(
      "backend 'x' has no kernel for activation 'tanh'; add one with registerXActivation",
    );
    const mse = validateSpec({ sizes: [2, 1], loss: 'mse', dtype: 'float32' });
    expect(() => r.resolve(mse, 'x')).toThrow(expect.objectContaining({ parameter: 'spec.loss' }));
  });

  it('refuses a second entry under a taken name and a loss without the fused dZ of its canonical pair', () => {
    const r = new KernelRegistry<Act, Los>(names, [sigmoid], [{ name: 'bce' }]);
    r.registerActivation(sigmoid);
    expect(() => r.registerActivation({ name: 'sigmoid' })).toThrow(SpecError);
    expect(() => r.resolve(validateSpec({ sizes: [2, 1], loss: 'bce', dtype: 'float32' }), 'x')).toThrow(
      /lacks the fused dZ/,
    );
  });
});
