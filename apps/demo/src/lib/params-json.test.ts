import { initParams, type NetworkSpec } from '@onegrad/core';
import { describe, expect, it } from 'vitest';
import { paramsToJson } from './params-json.js';

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
