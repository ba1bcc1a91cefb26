import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PUBLIC_PACKAGES, ROOT, tarballName } from './public-packages.js';
import { run } from './run.js';

/** Packs every public package with `pnpm pack` into `dest`; returns package name -> tarball path. */
export async function packAll(dest: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const p of PUBLIC_PACKAGES) {
    const dir = join(ROOT, p.dir);
    const { version } = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as { version: string };
    await run('pnpm', ['pack', '--pack-destination', dest], dir);
    out[p.name] = join(dest, tarballName(p.name, version));
  }
  return out;
}
