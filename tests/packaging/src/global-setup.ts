import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { packAll } from './pack.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Package name -> path of its packed tarball. */
    tarballs: Record<string, string>;
  }
}

/** Packs the public packages once for every test file; removes the tarballs afterwards. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dest = await mkdtemp(join(tmpdir(), 'onegrad-tarballs-'));
  project.provide('tarballs', await packAll(dest));
  return () => rm(dest, { recursive: true, force: true });
}
