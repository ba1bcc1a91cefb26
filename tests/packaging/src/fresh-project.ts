import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from './run.js';

/** A new project in a temporary folder, made as the READMEs say: `npm init -y`, then `"type": "module"`. */
export async function freshNpmProject(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `onegrad-${prefix}-`));
  await run('npm', ['init', '-y'], dir);
  await run('npm', ['pkg', 'set', 'type=module'], dir);
  return dir;
}

/**
 * `npm install` of `specs` (tarball paths or registry names) into `dir`, with the README's switch that
 * skips onnxruntime-node's install script (it would download a CUDA add-on).
 */
export async function npmInstall(dir: string, specs: readonly string[]): Promise<void> {
  const args = ['install', '--no-audit', '--no-fund', '--prefer-offline', ...specs];
  await run('npm', args, dir, { ONNXRUNTIME_NODE_INSTALL: 'skip' });
}
