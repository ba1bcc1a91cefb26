import { describe, expect, test } from 'vitest';
import { parseArgs, UsageError } from '../src/cli/args.js';
import { selected, skipReason } from '../src/runner/skip.js';
import { createNaiveBackend } from './fixtures/naive-backend.js';

describe('skip lists', () => {
  const target = {
    name: 'x',
    create: () => createNaiveBackend(),
    skip: {
      'random/*': 'too slow here',
      'float32:saturation/bce/+17': 'engine exp differs',
      'seed/mse': 'no mse',
    },
  };
  test('exact ids, prefixes and dtype-qualified keys', () => {
    expect(skipReason(target, 'random/d1-w1-b1-bce-hard', 'float64')).toBe('too slow here');
    expect(skipReason(target, 'saturation/bce/+17', 'float32')).toBe('engine exp differs');
    expect(skipReason(target, 'saturation/bce/+17', 'float64')).toBeUndefined();
    expect(skipReason(target, 'seed/mse', 'float32')).toBe('no mse');
    expect(skipReason(target, 'seed/bce', 'float32')).toBeUndefined();
  });
  test('selection by id or prefix', () => {
    expect(selected('seed/bce', ['seed/*'])).toBe(true);
    expect(selected('seed/bce', ['random/*', 'seed/mse'])).toBe(false);
    expect(selected('seed/bce', undefined)).toBe(true);
  });
});

describe('command line', () => {
  test('flags with separate or inline values', () => {
    expect(parseArgs(['--config', 'c.mjs', '--json=out.json', '--only', 'ts,onnx'])).toEqual({
      config: 'c.mjs',
      json: 'out.json',
      only: ['ts', 'onnx'],
      export: 'default',
      flushesSubnormals: false,
      browser: false,
      help: false,
    });
    expect(parseArgs(['--browser', '--only', 'onnx-web']).browser).toBe(true);
    expect(
      parseArgs([
        '--module',
        'm.js',
        '--export',
        'createMine',
        '--options',
        '{"a":1}',
        '--flushes-subnormals',
      ]),
    ).toMatchObject({ module: 'm.js', export: 'createMine', options: { a: 1 }, flushesSubnormals: true });
    expect(parseArgs([]).config).toBe('conformance.config.mjs');
  });
  test.each([
    [['--nope']],
    [['--json']],
    [['--only', '--json', 'x']],
    [['--only', ',']],
    [['--config', 'a', '--config', 'b']],
    [['--config', 'a', '--module', 'b']],
    [['--module', 'm.js', '--only', 'ts']],
    [['--flushes-subnormals']],
  ])('rejects %j', (argv) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
  });
});
