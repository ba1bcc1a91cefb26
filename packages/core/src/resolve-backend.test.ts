import { describe, expect, it } from 'vitest';
import { type Backend, BackendInitError, firstAvailable } from './index.js';

const backend =
  (name: string, fails?: string): (() => Backend) =>
  () => ({
    info: { name, engine: 'nothing', dtypes: ['float32'] },
    init: () => (fails ? Promise.reject(new BackendInitError('engine', fails)) : Promise.resolve()),
    createSession: () => Promise.reject(new Error('unreachable')),
    dispose: () => Promise.resolve(),
  });

describe('firstAvailable', () => {
  it('falls back to the next candidate when the first cannot start, and names the one chosen', async () => {
    const b = firstAvailable([backend('webgl', 'no WebGL here'), backend('cpu')]);
    expect(b.info.name).toBe('webgl');
    await b.init();
    expect(b.info.name).toBe('cpu');
  });

  it('names every failure when none starts', async () => {
    const none = firstAvailable([backend('webgl', 'no WebGL here'), backend('wasm', 'no wasm')]);
    await expect(none.init()).rejects.toThrow(BackendInitError);
    await expect(none.init()).rejects.toThrow(/webgl: engine: no WebGL here; wasm: engine: no wasm/);
  });

  it('refuses an empty list with a typed error', () => {
    expect(() => firstAvailable([])).toThrow(BackendInitError);
  });
});
