import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { PUBLIC_PACKAGES, ROOT } from '../src/public-packages.js';
import { run } from '../src/run.js';

interface Status {
  readonly releases: readonly { name: string; type: string; oldVersion: string; newVersion: string }[];
}

it('releases the public packages together, in the fixed group, at one version', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'onegrad-changesets-'));
  try {
    const output = join(dir, 'status.json');
    await run('pnpm', ['exec', 'changeset', 'status', `--output=${output}`], ROOT);
    const { releases } = JSON.parse(await readFile(output, 'utf8')) as Status;
    const mine = PUBLIC_PACKAGES.map((p) => releases.find((r) => r.name === p.name));
    expect(mine.every((r) => r !== undefined)).toBe(true);
    expect(new Set(mine.map((r) => r?.newVersion)).size).toBe(1);
    expect(new Set(mine.map((r) => r?.type)).size).toBe(1);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
