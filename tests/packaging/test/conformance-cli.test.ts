import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { ROOT } from '../src/public-packages.js';
import { run } from '../src/run.js';

// The minimal backend of the write-a-backend guide, as its author would ship it: the built module.
const minimal = join(ROOT, 'examples/minimal-backend/dist');

describe('an outside backend checked with the installed onegrad-conformance', () => {
  it('installs @onegrad/conformance and @onegrad/core from their tarballs and passes the minimal backend through --module', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'onegrad-conformance-cli-'));
    try {
      await writeFile(
        join(dir, 'package.json'),
        '{ "name": "my-backend", "private": true, "type": "module" }\n',
      );
      const tarballs = inject('tarballs');
      const files = ['@onegrad/core', '@onegrad/conformance'].map((name) => tarballs[name] as string);
      await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', ...files], dir);
      await cp(minimal, join(dir, 'dist'), { recursive: true });
      const bin = join(dir, 'node_modules', '.bin', 'onegrad-conformance');
      const args = [
        '--module',
        './dist/index.js',
        '--export',
        'createMinimalBackend',
        '--options',
        '{"name":"mine"}',
      ];
      const { stdout } = await run(bin, [...args, '--junit', 'report.xml', '--html', 'report.html'], dir);
      expect(stdout).toMatch(/mine\s+float64(\s+\S+){9}\s+9\d\s+0\s+\d+\s+none\s+pass/);
      expect(stdout).toMatch(/mine\s+float32\s.*\s1\s+0\s+0\s+none\s+pass/);
      expect(await readFile(join(dir, 'report.xml'), 'utf8')).toMatch(
        /<testsuite name="mine float64" tests="\d+" failures="0"/,
      );
      expect(await readFile(join(dir, 'report.html'), 'utf8')).toContain('contract/ownership/get-params');
      // A case selection that matches nothing is a usage error (exit 2), not an empty pass.
      await expect(run(bin, [...args, '--cases', 'seeds/*'], dir)).rejects.toThrow(
        /exited with 2[\s\S]*"seeds\/\*" matches no case/,
      );
      // ESM only, and require(esm) works on Node 20.19+.
      const required = await run(
        'node',
        ['-e', "console.log(typeof require('@onegrad/conformance').runConformance)"],
        dir,
      );
      expect(required.stdout.trim()).toBe('function');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
