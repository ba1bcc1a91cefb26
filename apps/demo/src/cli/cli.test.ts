import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { findActivation, findLoss } from '@onegrad/core';
import { describe, expect, it } from 'vitest';

// The built CLI, as `pnpm demo:cli` runs it (the package's build step compiles it).
const MAIN = fileURLToPath(new URL('../../dist/node/cli/main.js', import.meta.url));

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [MAIN, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('demo:cli', () => {
  it('trains, switches ts -> onnx -> tfjs -> tfjs-wasm within the error model, and prints the seed trace table', () => {
    const r = cli(
      '--dataset',
      'xor',
      '--steps',
      '120',
      '--lr',
      '2',
      '--switch',
      '30:onnx,60:tfjs,90:tfjs-wasm',
    );
    expect(r.err).not.toMatch(/error|failed/i);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/After step 30: ts -> onnx .*identical bit for bit/);
    expect(r.out).toMatch(/After step 60: onnx -> tfjs .*identical bit for bit/);
    expect(r.out).toMatch(/After step 90: tfjs -> tfjs-wasm .*identical bit for bit/);
    // The first step on each new engine, from the handed-over parameters, is judged by @onegrad/conformance.
    const verdicts = [
      ...r.out.matchAll(/First step on ([\w-]+) after the switch: .*; (within|OUTSIDE) the error model/g),
    ];
    expect(verdicts.map((m) => [m[1], m[2]])).toEqual([
      ['onnx', 'within'],
      ['tfjs', 'within'],
      ['tfjs-wasm', 'within'],
    ]);
    expect(r.out).toContain('dA2 = error / (A2 (1 - A2))');
    expect(r.out).toMatch(/fused dZ2 = A2 - Y \(backend\)/);
    // Piped, the progress bar prints a line per quarter on stderr instead of redrawing.
    expect(r.err).toMatch(/^100% \(120\/120\) tfjs-wasm/m);
  });

  it('prints the help with exit code 0', () => {
    const r = cli('--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/--switch S:ID/);
    expect(r.out).toMatch(/--activations A,B/);
    expect(r.out).toContain(findLoss('cce')?.gradA);
    expect(r.out).toContain(findActivation('relu')?.derivative);
    expect(r.out).toMatch(/blobs3/);
  });

  const finalCost = (out: string) => Number(/^Final cost (\S+) after/m.exec(out)?.[1]);

  it('trains softmax + cce on blobs3 on ts, lowers the cost, and shows the fused pair', () => {
    const args = ['--loss', 'cce', '--activations', 'tanh,softmax', '--no-progress'];
    const first = cli(...args, '--steps', '1');
    const r = cli(...args, '--steps', '200');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /^Training \[2, 8, 3\] tanh, softmax on blobs3 \(120 points, 3 classes one-hot\), cce/,
    );
    // The first step's cost is that of the initial weights, close to the chance cost ln 3.
    expect(finalCost(first.out)).toBeCloseTo(Math.log(3), 0);
    expect(finalCost(r.out)).toBeLessThan(finalCost(first.out) / 4);
    expect(r.out).toContain('Output layer 2: softmax + cce, a canonical pair: dZ2 is fused.');
    expect(r.out).toContain(findLoss('cce')?.gradA);
    expect(r.out).toContain(findActivation('softmax')?.derivative);
    expect(r.out).toContain(findLoss('cce')?.canonical?.dZ);
    expect(r.out).toMatch(/fused dZ2 \(backend\)/);
    expect(r.out).not.toContain("The seed's lines");
  });

  it('shows a non-canonical pair with the chain rule: tanh + mse', () => {
    const r = cli('--dataset', 'moons', '--activations', 'relu,tanh', '--loss', 'mse', '--steps', '5');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Output layer 2: tanh + mse, not a canonical pair');
    expect(r.out).toContain(findLoss('mse')?.gradA);
    expect(r.out).toContain(findActivation('tanh')?.derivative);
    expect(r.out).toMatch(/ dZ2 \(backend\)/);
    expect(r.out).not.toMatch(/fused dZ2/);
  });

  it.each([
    [['--steps', 'many'], /--steps must be an integer/],
    [['--switch', '10:gpu'], /unknown backend 'gpu'/],
    [['--backend', 'tfjs', '--dtype', 'float64'], /backend 'tfjs' computes in float32 only/],
    [['stray'], /Unexpected argument 'stray'/],
    [
      ['--activations', 'relu', '--loss', 'bce'],
      /layer 2 \(output relu, loss bce\): loss 'bce' follows a sigmoid/,
    ],
    [['--loss', 'cce', '--activations', 'tanh,tanh'], /layer 2 \(output tanh, loss cce\)/],
    [['--dataset', 'blobs3', '--loss', 'mse'], /blobs3 has 3 classes/],
    [['--lr', '1e39'], /--lr .*finite in float32, got '1e39', which is Infinity/],
    [['--steps', '-5'], /--steps must be an integer from 1 .* got '-5'/],
  ])('rejects %j with a clear message and exit code 2', (args, message) => {
    const r = cli(...args);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
    expect(r.err).toMatch(/--help/);
  });

  it('says so and exits 3 when training diverges, with a finite or a non-finite cost', () => {
    const net = ['--dtype', 'float64', '--loss', 'mse', '--activations', 'identity', '--hidden', '8'];
    const finite = cli(...net, '--dataset', 'xor', '--lr', '0.6', '--steps', '10', '--no-progress');
    expect(finite.code).toBe(3);
    expect(finite.err).toMatch(/training diverged: the cost reached .* at step \d+.*lower --lr/);
    const overflow = cli(...net, '--dataset', 'xor', '--lr', '0.6', '--steps', '20', '--no-progress');
    expect(overflow.code).toBe(3);
    expect(overflow.err).toMatch(/training diverged: .*not applied; lower --lr/);
  });

  it('shows the saturated seed trace in float64 too', () => {
    const r = cli('--steps', '3', '--dtype', 'float64', '--backend', 'onnx', '--no-progress');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/on onnx .*float64 arithmetic/);
  });
});
