import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Runs an ES module in a fresh Node process in this package and returns what it printed. */
function run(source: string): { stdout: string; stderr: string } {
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', source], {
    cwd: root,
    encoding: 'utf8',
  });
  return { stdout: child.stdout, stderr: child.stderr };
}

describe('importing and initialising (built package in a fresh process)', () => {
  it('imports no tfjs and prints nothing until a backend is initialised', () => {
    const out = run(`
      import { createTfjsBackend } from './dist/index.js';
      createTfjsBackend({ tfBackend: 'wasm' });
      process.stdout.write(String(Object.keys(globalThis).some((k) => k.startsWith('_tfengine'))));
    `);
    expect(out).toEqual({ stdout: 'false', stderr: '' });
  });

  it('trains on cpu without the tfjs banner, and real tfjs warnings still print', () => {
    const out = run(`
      import { fromRows } from '@onegrad/core';
      import { createTfjsBackend } from './dist/index.js';
      const backend = createTfjsBackend({ tfBackend: 'cpu' });
      const spec = { sizes: [1, 1], loss: 'bce', dtype: 'float32' };
      const session = await backend.createSession(spec, [{ W: fromRows([[1]]), b: fromRows([[0]]) }]);
      await session.step({ x: fromRows([[1]]), y: fromRows([[1]]) }, { learningRate: 0.1 });
      const tf = await import('@tensorflow/tfjs-core');
      tf.registerBackend('cpu', () => null);
    `);
    expect(out.stdout).toBe('');
    expect(out.stderr.trim()).toBe('cpu backend was already registered. Reusing existing backend factory.');
  });
});
