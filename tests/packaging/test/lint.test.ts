import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import { PUBLIC_PACKAGES } from '../src/public-packages.js';
import { run } from '../src/run.js';

const here = fileURLToPath(new URL('..', import.meta.url));
const bin = (name: string) => join(here, 'node_modules', '.bin', name);

interface Analysis {
  readonly problems: readonly { kind: string; entrypoint?: string; resolutionKind?: string }[];
  readonly entrypoints: Record<
    string,
    { resolutions: Record<string, { resolution?: { fileName: string } }> }
  >;
}

describe.each(PUBLIC_PACKAGES)('the packed $name', ({ name }) => {
  const tarball = () => inject('tarballs')[name] as string;

  it('passes publint --strict', async () => {
    const { stdout } = await run(bin('publint'), ['--strict', tarball()], here);
    expect(stdout).toContain('All good!');
  });

  it('resolves its types as ESM everywhere (attw --profile esm-only)', async () => {
    // attw exits non-zero on a problem the profile counts; it reports CommonJS resolutions but ignores them.
    const { stdout } = await run(bin('attw'), ['--profile', 'esm-only', '--format', 'json', tarball()], here);
    const { analysis } = JSON.parse(stdout) as { analysis: Analysis };
    const counted = analysis.problems.filter(
      (p) => !['node10', 'node16-cjs'].includes(p.resolutionKind ?? ''),
    );
    expect(counted).toEqual([]);
    for (const [subpath, entry] of Object.entries(analysis.entrypoints)) {
      for (const kind of ['node16-esm', 'bundler']) {
        const file = entry.resolutions[kind]?.resolution?.fileName ?? '';
        expect(file, `${subpath} (${kind})`).toMatch(
          subpath === './package.json' ? /package\.json$/ : /\.d\.ts$/,
        );
      }
    }
  });

  it('ships its build with declarations, no tests, and exact versions of its onegrad dependencies', async () => {
    const files = (await run('tar', ['-tzf', tarball()], here)).stdout.split('\n').filter(Boolean);
    expect(files).toContain('package/dist/index.js');
    expect(files).toContain('package/dist/index.d.ts');
    expect(files.filter((f) => /\.test\.|\/test\//.test(f))).toEqual([]);
    const manifest = JSON.parse(
      (await run('tar', ['-xzOf', tarball(), 'package/package.json'], here)).stdout,
    );
    const ranges = Object.values({ ...manifest.dependencies, ...manifest.peerDependencies }) as string[];
    expect(ranges.filter((r) => r.startsWith('workspace:'))).toEqual([]);
    expect(manifest.private).toBeUndefined();
  });
});
