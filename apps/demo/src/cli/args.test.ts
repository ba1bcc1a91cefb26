import { describe, expect, it } from 'vitest';
import { parseCliArgs, UsageError } from './args.js';

const IDS = ['ts', 'onnx', 'tfjs'];

describe('parseCliArgs', () => {
  it('fills in the defaults: the seed network, 1000 steps, bce, float32, on ts', () => {
    const o = parseCliArgs([], IDS);
    expect(o).toMatchObject({
      dataset: 'seed',
      steps: 1000,
      lr: 0.5,
      loss: 'bce',
      dtype: 'float32',
      backend: 'ts',
    });
    expect(o.hidden).toEqual([2]);
    expect(o.traceStep).toBe(1000);
  });

  it('reads every option', () => {
    const o = parseCliArgs(
      [
        '--dataset',
        'moons',
        '--steps',
        '900',
        '--lr',
        '0.1',
        '--loss',
        'mse',
        '--hidden',
        '8,4',
        '--switch',
        '600:tfjs,300:onnx',
      ],
      IDS,
    );
    expect(o).toMatchObject({ dataset: 'moons', steps: 900, lr: 0.1, loss: 'mse', hidden: [8, 4] });
    expect(o.switches).toEqual([
      { step: 300, backend: 'onnx' },
      { step: 600, backend: 'tfjs' },
    ]);
  });

  it.each([
    [['--steps', '0'], /--steps must be an integer/],
    [['--steps', '1.5'], /--steps must be an integer/],
    [['--lr=-1'], /--lr must be a positive number/],
    [['--lr', '-1'], /'--lr' argument is ambiguous/],
    [['--lr', 'fast'], /--lr must be a positive number/],
    [['--loss', 'hinge'], /--loss must be bce or mse/],
    [['--dataset', 'mnist'], /--dataset must be one of seed, xor/],
    [['--backend', 'cuda'], /--backend must be one of ts, onnx, tfjs/],
    [['--switch', '300-onnx'], /--switch: '300-onnx' is not STEP:BACKEND/],
    [['--switch', '300:cuda'], /unknown backend 'cuda'/],
    [['--switch', '2000:onnx'], /is not before the last step/],
    [['--switch', '5:onnx,5:tfjs'], /two switches at step 5/],
    [['--frobnicate'], /Unknown option '--frobnicate'/],
    [['--hidden', '8,,4'], /--hidden must be an integer/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseCliArgs(argv, IDS)).toThrow(UsageError);
    expect(() => parseCliArgs(argv, IDS)).toThrow(message);
  });
});
