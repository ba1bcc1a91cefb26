import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The built CLI, as `pnpm demo:cli` runs it (the package's build step compiles it).
const MAIN = fileURLToPath(new URL('../../dist/node/cli/main.js', import.meta.url));

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [MAIN, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('demo:cli', () => {
  it('trains, switches ts -> onnx -> tfjs within the error model, and prints the seed trace table', () => {
    const r = cli('--dataset', 'xor', '--steps', '90', '--lr', '2', '--switch', '30:onnx,60:tfjs');
    expect(r.err).not.toMatch(/error|failed/i);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/After step 30: ts -> onnx .*identical bit for bit/);
    expect(r.out).toMatch(/After step 60: onnx -> tfjs .*identical bit for bit/);
    // The first step on each new engine, from the handed-over parameters, is judged by @onegrad/conformance.
    const verdicts = [
      ...r.out.matchAll(/First step on (\w+) after the switch: .*; (within|OUTSIDE) the error model/g),
    ];
    expect(verdicts.map((m) => [m[1], m[2]])).toEqual([
      ['onnx', 'within'],
      ['tfjs', 'within'],
    ]);
    expect(r.out).toContain('dA2 = error / (A2 (1 - A2))');
    expect(r.out).toMatch(/fused dZ2 = A2 - Y \(backend\)/);
    // Piped, the progress bar prints a line per quarter on stderr instead of redrawing.
    expect(r.err).toMatch(/^100% \(90\/90\) tfjs/m);
  });

  it('prints the help with exit code 0', () => {
    const r = cli('--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/--switch S:ID/);
  });

  it.each([
    [['--steps', 'many'], /--steps must be an integer/],
    [['--switch', '10:gpu'], /unknown backend 'gpu'/],
    [['--backend', 'tfjs', '--dtype', 'float64'], /backend 'tfjs' computes in float32 only/],
    [['stray'], /Unexpected argument 'stray'/],
  ])('rejects %j with a clear message and exit code 2', (args, message) => {
    const r = cli(...args);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
    expect(r.err).toMatch(/--help/);
  });

  it('shows the saturated seed trace in float64 too', () => {
    const r = cli('--steps', '3', '--dtype', 'float64', '--backend', 'onnx', '--no-progress');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/on onnx .*float64 arithmetic/);
  });
});
