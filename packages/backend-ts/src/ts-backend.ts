import { type Backend, createBackend } from '@onegrad/core';
import { TsEngine } from './ts-engine.js';

/** Creates the pure TypeScript backend (float32 and float64 typed arrays); nothing to load. */
export function createTsBackend(): Backend {
  return createBackend({
    info: { name: 'ts', engine: 'TypeScript typed arrays', dtypes: ['float32', 'float64'] },
    load: async () => undefined,
    createSession: (spec, params) => new TsEngine(spec, params),
    release: () => undefined,
  });
}
