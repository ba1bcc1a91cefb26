import { readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { freshNpmProject, npmInstall } from '../src/fresh-project.js';
import { run } from '../src/run.js';

let dir = '';

// The backends alone, none of their optional peers: what a Node user of tfjs-cpu and onnx installs.
beforeAll(async () => {
  dir = await freshNpmProject('peers');
  const tarballs = inject('tarballs');
  const names = ['@onegrad/core', '@onegrad/backend-tfjs', '@onegrad/backend-onnx'];
  await npmInstall(
    dir,
    names.map((n) => tarballs[n] as string),
  );
});
afterAll(() => rm(dir, { recursive: true, force: true }));

it('installs no optional peer and no tfjs umbrella', async () => {
  const tensorflow = await readdir(join(dir, 'node_modules/@tensorflow'));
  expect(tensorflow.sort()).toEqual(['tfjs-backend-cpu', 'tfjs-core']);
  expect(await readdir(join(dir, 'node_modules'))).not.toContain('onnxruntime-web');
});

it('trains on tfjs-cpu and onnx, and names the package a missing peer needs', async () => {
  const script = `
import { createOnnxBackend } from '@onegrad/backend-onnx';
import { createOnnxWebBackend } from '@onegrad/backend-onnx/web';
import { createTfjsBackend } from '@onegrad/backend-tfjs';
import { fromRows, initParams } from '@onegrad/core';
const spec = { sizes: [2, 2, 1], loss: 'bce', dtype: 'float32' };
const batch = { x: fromRows([[1, 1], [0, 0]]), y: fromRows([[1], [0]]) };
for (const backend of [createTfjsBackend({ tfBackend: 'cpu' }), createOnnxBackend()]) {
  const session = await backend.createSession(spec, initParams(spec, 1));
  const { loss } = await session.step(batch, { learningRate: 0.5 });
  console.log(backend.info.name, Number.isFinite(loss));
  await backend.dispose();
}
for (const backend of [createTfjsBackend({ tfBackend: 'wasm' }), createTfjsBackend({ tfBackend: 'webgl' }), createOnnxWebBackend()]) {
  const error = await backend.init().catch((e) => e);
  console.log(backend.info.name, error.name, error.message.split(':')[1].trim());
}
`;
  await writeFile(join(dir, 'peers.mjs'), script);
  const { stdout } = await run('node', ['peers.mjs'], dir);
  expect(stdout.trim().split('\n')).toEqual([
    'tfjs-cpu true',
    'onnx true',
    "tfjs-wasm BackendInitError cannot load @tensorflow/tfjs-backend-wasm for the tfjs 'wasm' backend",
    "tfjs-webgl BackendInitError cannot load @tensorflow/tfjs-backend-webgl for the tfjs 'webgl' backend",
    'onnx-web BackendInitError cannot load onnxruntime-web',
  ]);
});
