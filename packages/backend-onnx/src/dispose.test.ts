import { DisposedError, fromRows, initParams, type NetworkSpec } from '@onegrad/core';
import { describe, expect, it } from 'vitest';
import { createOnnxBackend } from './index.js';

const spec: NetworkSpec = { sizes: [2, 2, 1], loss: 'bce', dtype: 'float32' };
const batch = {
  x: fromRows([
    [1, 1],
    [0, 0],
  ]),
  y: fromRows([[1], [0]]),
};

describe('backend dispose with steps in flight', () => {
  it('lets the running step finish, refuses the queued one with DisposedError', async () => {
    const backend = createOnnxBackend();
    const session = await backend.createSession(spec, initParams(spec, 1));
    const first = session.step(batch, { learningRate: 0.1 });
    const second = session.step(batch, { learningRate: 0.1 });
    // Wait until the first run has started (it compiles the graph, then runs).
    await new Promise((r) => setTimeout(r, 0));
    const disposed = backend.dispose();
    const results = await Promise.allSettled([first, second]);
    await disposed;
    const errors = results.map((r) => (r.status === 'rejected' ? r.reason : undefined));
    for (const e of errors) if (e !== undefined) expect(e).toBeInstanceOf(DisposedError);
    expect(errors[1]).toBeInstanceOf(DisposedError);
    await expect(session.getParams()).rejects.toThrow(DisposedError);
    await backend.dispose();
  });
});
