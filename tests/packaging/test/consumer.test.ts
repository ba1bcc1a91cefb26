import { readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freshNpmProject, npmInstall } from '../src/fresh-project.js';
import { run } from '../src/run.js';

const tsc = fileURLToPath(new URL('../node_modules/.bin/tsc', import.meta.url));
let dir = '';

// An application that already uses @tensorflow/tfjs installs every onegrad tarball beside it.
beforeAll(async () => {
  dir = await freshNpmProject('consumer');
  const tfjs = ['@tensorflow/tfjs@4.22.0', '@tensorflow/tfjs-backend-wasm@4.22.0'];
  await npmInstall(dir, [...Object.values(inject('tarballs')), ...tfjs]);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** A strict consumer: declarations checked (`skipLibCheck: false`) and no global types (`types: []`). */
function tsconfig(file: string, types: readonly string[]): string {
  const compilerOptions = {
    strict: true,
    module: 'nodenext',
    moduleResolution: 'nodenext',
    target: 'es2022',
    noEmit: true,
    skipLibCheck: false,
    types,
  };
  return JSON.stringify({ compilerOptions, files: [file] });
}

describe('the installed packages, used by a strict TypeScript consumer', () => {
  it('compile with skipLibCheck false and "types": [], every entry but the tfjs kernel API', async () => {
    const entries = [
      '@onegrad/core',
      '@onegrad/backend-ts',
      '@onegrad/backend-tfjs',
      '@onegrad/backend-onnx',
      '@onegrad/backend-onnx/web',
      '@onegrad/conformance',
    ];
    const source = entries.map((e, i) => `import * as m${i} from '${e}';\n`).join('');
    const uses = `export const all = [${entries.map((_, i) => `m${i}`).join(', ')}];\n`;
    const typed = `import { fit, type FitHistory, type TrainingSession, fromRows } from '@onegrad/core';
export const train = (s: TrainingSession): Promise<FitHistory> =>
  fit(s, { x: fromRows([[0]]), y: fromRows([[1]]) }, { learningRate: 0.1, epochs: 1 });\n`;
    await writeFile(join(dir, 'consumer.ts'), source + uses + typed);
    await writeFile(join(dir, 'tsconfig.json'), tsconfig('consumer.ts', []));
    const { stdout } = await run(tsc, ['-p', '.'], dir);
    expect(stdout).toBe('');
  });

  it('compile the tfjs kernel API given the @types/long that tfjs-core itself depends on', async () => {
    const source = `import { registerTfjsActivation, type TfjsActivationKernel } from '@onegrad/backend-tfjs/kernels';
export const k: TfjsActivationKernel = { name: 'softsign', forward: ({ tf }, z) => tf.div(z, tf.add(1, tf.abs(z))), backward: ({ tf }, dA, z) => tf.div(dA, tf.square(tf.add(1, tf.abs(z)))) };
registerTfjsActivation(k);\n`;
    await writeFile(join(dir, 'kernels.ts'), source);
    await writeFile(join(dir, 'tsconfig.kernels.json'), tsconfig('kernels.ts', ['long']));
    const { stdout } = await run(tsc, ['-p', 'tsconfig.kernels.json'], dir);
    expect(stdout).toBe('');
  });
});

describe('an application that uses @tensorflow/tfjs and @onegrad/backend-tfjs', () => {
  it('installs one tfjs-core', async () => {
    const { stdout } = await run('npm', ['ls', '@tensorflow/tfjs-core', '--all', '--parseable'], dir);
    expect(new Set(stdout.trim().split('\n'))).toEqual(
      new Set([join(dir, 'node_modules/@tensorflow/tfjs-core')]),
    );
    const tensorflow = await readdir(join(dir, 'node_modules/@tensorflow'));
    expect(tensorflow).toContain('tfjs-backend-wasm');
  });

  it('shares one engine with the backend: its tensors, its active backend, its registered backends', async () => {
    const script = `
import * as tf from '@tensorflow/tfjs';
import { createTfjsBackend } from '@onegrad/backend-tfjs';
import { fromRows, initParams } from '@onegrad/core';
const spec = { sizes: [2, 2, 1], loss: 'bce', dtype: 'float32' };
const base = tf.memory().numTensors;
const backend = createTfjsBackend({ tfBackend: 'wasm' });
const session = await backend.createSession(spec, initParams(spec, 1));
await session.step({ x: fromRows([[1, 1]]), y: fromRows([[1]]) }, { learningRate: 0.5 });
const held = tf.memory().numTensors - base;
const active = tf.getBackend();
const registered = Object.keys(tf.engine().registryFactory).sort();
await backend.dispose();
console.log(JSON.stringify({ held, active, registered, released: tf.memory().numTensors - base, engine: backend.info.engine }));
`;
    await writeFile(join(dir, 'shared.mjs'), script);
    const { stdout, stderr } = await run('node', ['shared.mjs'], dir);
    const seen = JSON.parse(stdout);
    // The session's four parameter tensors live in the application's engine, on the backend it chose;
    // the umbrella's webgl registers only in a browser.
    expect(seen).toEqual({
      held: 4,
      active: 'wasm',
      registered: ['cpu', 'wasm'],
      released: 0,
      engine: '@tensorflow/tfjs 4.22.0 (wasm)',
    });
    expect(stderr).not.toMatch(/already registered|Platform node has already been set/);
  });

  it('can require the packages on Node 20.19 and later (ESM loaded by require)', async () => {
    const source =
      "const { fit } = require('@onegrad/core'); const { createTsBackend } = require('@onegrad/backend-ts'); console.log(typeof fit, createTsBackend().info.name);";
    await writeFile(join(dir, 'required.cjs'), source);
    const { stdout } = await run('node', ['required.cjs'], dir);
    expect(stdout.trim()).toBe('function ts');
  });
});
