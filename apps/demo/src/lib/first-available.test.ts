import { createTsBackend } from '@onegrad/backend-ts';
import { type Backend, BackendInitError, initParams, type NetworkSpec } from '@onegrad/core';
import { describe, expect, it } from 'vitest';
import { firstAvailable } from './first-available.js';
import { paramsToJson } from './params-json.js';

const broken = (): Backend => ({
  info: { name: 'broken', engine: 'nothing', dtypes: ['float32'] },
  init: () => Promise.reject(new BackendInitError('tfBackend', 'no WebGL here')),
  createSession: () => Promise.reject(new Error('unreachable')),
  dispose: () => Promise.resolve(),
});

describe('firstAvailable', () => {
  it('falls back to the next candidate when the first cannot start, and names the one chosen', async () => {
    const b = firstAvailable([broken, createTsBackend]);
    expect(b.info.name).toBe('broken');
    await b.init();
    expect(b.info.name).toBe('ts');
  });

  it('rethrows the last failure when none starts', async () => {
    await expect(firstAvailable([broken, broken]).init()).rejects.toThrow(/no WebGL here/);
  });
});

describe('paramsToJson', () => {
  it('writes float32 parameters so that they read back bit for bit', () => {
    const spec: NetworkSpec = { sizes: [2, 3, 1], loss: 'bce', dtype: 'float32' };
    const params = initParams(spec, 5);
    const doc = JSON.parse(paramsToJson(spec, params));
    expect(doc.spec).toEqual(spec);
    params.forEach((p, l) => {
      expect(Float32Array.from(doc.params[l].W.data)).toEqual(p.W.data);
    });
  });
});
