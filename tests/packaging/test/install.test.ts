import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { run } from '../src/run.js';

const script = new URL('../fixture/train.mjs', import.meta.url);

// The pnpm user's settings the backend-onnx README asks for; the override points the backends' exact
// dependency on @onegrad/core at its tarball, since the version is not on the registry yet.
function pnpmWorkspace(core: string): string {
  const builds = ['onnxruntime-node', 'protobufjs', 'core-js'].map((p) => `  ${p}: false`).join('\n');
  return `allowBuilds:\n${builds}\noverrides:\n  '@onegrad/core': 'file:${core}'\n`;
}

async function install(client: 'npm' | 'pnpm', dir: string, tarballs: Record<string, string>): Promise<void> {
  // The tfjs wasm backend is an optional peer of backend-tfjs: the fixture trains on it, so it asks for it.
  const files = [...Object.values(tarballs), '@tensorflow/tfjs-backend-wasm@4.22.0'];
  if (client === 'npm') {
    // The runtime's postinstall would download a CUDA add-on; the README's npm line skips it.
    const args = ['install', '--no-audit', '--no-fund', '--prefer-offline', ...files];
    await run('npm', args, dir, { ONNXRUNTIME_NODE_INSTALL: 'skip' });
  } else {
    await writeFile(join(dir, 'pnpm-workspace.yaml'), pnpmWorkspace(tarballs['@onegrad/core'] as string));
    await run('pnpm', ['add', ...files], dir);
  }
}

describe.each(['npm', 'pnpm'] as const)('the tarballs installed with %s in a fresh project', (client) => {
  it('train the seed network on every backend, save and load it, and pass the seed conformance cases', async () => {
    const dir = await mkdtemp(join(tmpdir(), `onegrad-${client}-project-`));
    try {
      await writeFile(join(dir, 'package.json'), '{ "name": "fresh", "private": true, "type": "module" }\n');
      await install(client, dir, inject('tarballs'));
      await copyFile(script, join(dir, 'train.mjs'));
      const { stdout, stderr } = await run('node', ['train.mjs'], dir);
      const lines = stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(lines.map((l) => `${l.name}/${l.dtype}`)).toEqual([
        'ts/float32',
        'ts/float64',
        'tfjs-cpu/float32',
        'tfjs-wasm/float32',
        'onnx/float32',
        'onnx/float64',
      ]);
      for (const l of lines) {
        expect(l.last, `${l.name}/${l.dtype}`).toBeLessThan(l.first / 10);
        expect(l).toMatchObject({ roundTrip: true, conformance: true });
      }
      expect(lines.map((l) => l.engine).join(' ')).toMatch(
        /tfjs 4\.22\.0 \(wasm\).*onnxruntime-node 1\.30\.0/,
      );
      expect(stderr).not.toMatch(/Hi there|tfjs-node/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
