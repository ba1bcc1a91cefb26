import {
  type ActivationDescriptor,
  initParams,
  type LossDescriptor,
  matrix,
  type NetworkSpec,
  registerActivation,
  registerLoss,
  SpecError,
} from '@onegrad/core';
import * as ort from 'onnxruntime-node';
import { afterAll, describe, expect, it } from 'vitest';
import { specTag } from './graph/index.js';
import {
  createOnnxBackend,
  exportOnnx,
  type OnnxActivationEmitter,
  registerOnnxActivation,
  registerOnnxLoss,
  trainingGraph,
} from './index.js';
import type { OrtModule } from './ort-like.js';
import { SessionCache } from './session-cache.js';

const backend = createOnnxBackend();
afterAll(() => backend.dispose());

// Core's registry is per process and vitest runs each file in its own: these names stay local here.
const softsign: ActivationDescriptor = {
  name: 'softsign',
  formula: 'A = Z / (1 + |Z|)',
  derivative: 'dA/dZ = 1 / (1 + |Z|)^2',
  rowwise: false,
  minUnits: 1,
};
const swish: ActivationDescriptor = { ...softsign, name: 'swish', formula: 'A = Z sigmoid(Z)' };
const hinge: LossDescriptor = {
  name: 'hinge',
  formula: 'l = max(0, 1 - a y)',
  gradA: '-y',
  chanceCost: (n) => n,
};
registerActivation(softsign);
registerActivation(swish);
registerLoss(hinge);

const softsignEmitter: OnnxActivationEmitter = {
  name: 'softsign',
  forward(g, z, out) {
    return g.op('Div', [z, g.op('Add', [g.scalar(1, 'one'), g.op('Abs', [z])])], out);
  },
  backward(g, dA, z, _a, out) {
    const d = g.op('Add', [g.scalar(1, 'one'), g.op('Abs', [z])]);
    return g.op('Div', [dA, g.op('Mul', [d, d])], out);
  },
};
registerOnnxActivation(softsignEmitter);

describe('emitter registry', () => {
  it('a registered activation trains like a built-in one', async () => {
    const spec: NetworkSpec = {
      sizes: [1, 2, 1],
      loss: 'mse',
      dtype: 'float64',
      activations: ['softsign', 'identity'],
    };
    const params = [
      { W: matrix(1, 2, [2, -3]), b: matrix(1, 2, [0, 1]) },
      { W: matrix(2, 1, [1, 1]), b: matrix(1, 1, [0]) },
    ];
    const session = await backend.createSession(spec, params);
    const { trace } = await session.step(
      { x: matrix(1, 1, [1]), y: matrix(1, 1, [0]) },
      { learningRate: 0.5, trace: true },
    );
    // Z1 = (2, -2): A1 = (2/3, -2/3), A2 = 0, dZ2 = 0; dA1 = 0 too, so dZ1 = 0.
    expect([...trace!.layers[0]!.a.data]).toEqual([2 / 3, -2 / 3]);
    expect([...trace!.layers[1]!.dZ.data]).toEqual([0]);
  });

  it('registering the same emitter again is harmless; another one under a known name is refused', () => {
    expect(() => registerOnnxActivation(softsignEmitter)).not.toThrow();
    const error = (() => {
      try {
        registerOnnxActivation({ ...softsignEmitter });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(SpecError);
    expect((error as SpecError).parameter).toBe('emitter.name');
    expect(() => registerOnnxLoss({ name: 'mse', costTerms: (_g, _z, a) => a, gradA: (_g, a) => a })).toThrow(
      SpecError,
    );
  });

  it('a spec whose activation or loss has no emitter is refused at createSession, naming it', async () => {
    const noActivation: NetworkSpec = {
      sizes: [2, 3, 1],
      loss: 'bce',
      dtype: 'float32',
      activations: ['swish', 'sigmoid'],
    };
    const noLoss: NetworkSpec = { sizes: [2, 1], loss: 'hinge', dtype: 'float32' };
    for (const [spec, parameter] of [
      [noActivation, 'spec.activations[0]'],
      [noLoss, 'spec.loss'],
    ] as const) {
      const error = await backend.createSession(spec, initParams(spec, 1)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SpecError);
      expect((error as SpecError).parameter).toBe(parameter);
      expect(() => trainingGraph(spec)).toThrow(SpecError);
    }
    expect(() => exportOnnx(noActivation, initParams(noActivation, 1))).toThrow(/registerOnnxActivation/);
  });
});

describe('compiled graphs per spec', () => {
  const base: NetworkSpec = { sizes: [2, 3, 1], loss: 'mse', dtype: 'float32' };

  it('the tag names non-default activations and only those', () => {
    expect(specTag(base)).toBe('2_3_1_mse_float32');
    expect(specTag({ ...base, activations: ['sigmoid', 'sigmoid'] })).toBe('2_3_1_mse_float32');
    expect(specTag({ ...base, activations: ['tanh', 'sigmoid'] })).toBe('2_3_1_tanh_sigmoid_mse_float32');
  });

  it('specs differing only in activations never share a compiled graph; an explicit default does', async () => {
    const compiled: Uint8Array[] = [];
    const counting: OrtModule = {
      ...ort,
      InferenceSession: {
        create: (bytes, options) => {
          compiled.push(bytes);
          return ort.InferenceSession.create(bytes, options);
        },
      },
    };
    const cache = new SessionCache(counting, {});
    const specs: NetworkSpec[] = [
      base,
      { ...base, activations: ['sigmoid', 'sigmoid'] },
      { ...base, activations: ['tanh', 'sigmoid'] },
      { ...base, activations: ['relu', 'sigmoid'] },
      { ...base, activations: ['tanh', 'identity'] },
    ];
    const sessions = await Promise.all(specs.map((spec) => cache.get(spec, 'step')));
    expect(compiled).toHaveLength(4);
    expect(sessions[1]).toBe(sessions[0]);
    expect(new Set(sessions).size).toBe(4);
    expect(trainingGraph(specs[1] as NetworkSpec)).toEqual(trainingGraph(base));
    await cache.release();
  });
});
