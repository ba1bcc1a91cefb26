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
    // Without --activations the spec names none: sigmoid on every layer, as before the flag existed.
    expect(o.activations).toBeUndefined();
    expect(o.oneHot).toBe(false);
    expect(o.spec).toEqual({ sizes: [2, 2, 1], loss: 'bce', dtype: 'float32' });
  });

  it('reads --activations and --loss cce: blobs3 by default, one output unit per class', () => {
    const o = parseCliArgs(['--activations', 'tanh,softmax', '--loss', 'cce'], IDS);
    expect(o).toMatchObject({ dataset: 'blobs3', loss: 'cce', hidden: [8], oneHot: true });
    expect(o.spec).toEqual({
      sizes: [2, 8, 3],
      loss: 'cce',
      dtype: 'float32',
      activations: ['tanh', 'softmax'],
    });
  });

  it('gives cce a softmax output when --activations is absent', () => {
    const o = parseCliArgs(['--loss', 'cce', '--hidden', '6,4'], IDS);
    expect(o.spec.activations).toEqual(['sigmoid', 'sigmoid', 'softmax']);
  });

  it('uses one name on every layer', () => {
    const o = parseCliArgs(['--activations', 'tanh', '--loss', 'mse', '--hidden', '4,4'], IDS);
    expect(o.spec).toMatchObject({ sizes: [2, 4, 4, 1], activations: ['tanh', 'tanh', 'tanh'] });
  });

  it('gives a softmax output one-hot targets on a two-class dataset', () => {
    const o = parseCliArgs(['--dataset', 'moons', '--activations', 'relu,softmax', '--loss', 'mse'], IDS);
    expect(o.oneHot).toBe(true);
    expect(o.spec.sizes).toEqual([2, 8, 2]);
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
    [['--lr', '-1'], /--lr must be a positive number, finite in float32, got '-1'/],
    [['--steps', '-5'], /--steps must be an integer from 1 to 10000000, got '-5'/],
    [['--lr', '1e39'], /which is Infinity in float32/],
    [['--lr', 'fast'], /--lr must be a positive number/],
    [['--loss', 'hinge'], /--loss must be one of bce, mse, cce, got 'hinge'/],
    [['--dataset', 'mnist'], /--dataset must be one of seed, xor/],
    [['--backend', 'cuda'], /--backend must be one of ts, onnx, tfjs/],
    [['--switch', '300-onnx'], /--switch: '300-onnx' is not STEP:BACKEND/],
    [['--switch', '300:cuda'], /unknown backend 'cuda'/],
    [['--switch', '2000:onnx'], /is not before the last step/],
    [['--switch', '5:onnx,5:tfjs'], /two switches at step 5/],
    [['--frobnicate'], /Unknown option '--frobnicate'/],
    [['--hidden', '8,,4'], /--hidden must be an integer/],
    // The pair is checked by core's validateSpec; the message names the flag, the layer and the pair.
    [
      ['--activations', 'relu', '--loss', 'bce'],
      /^--activations relu: layer 2 \(output relu, loss bce\): loss 'bce' follows a sigmoid output, got relu/,
    ],
    [['--activations', 'relu,tanh', '--loss', 'bce'], /layer 2 \(output tanh, loss bce\)/],
    [
      ['--activations', 'tanh,sigmoid', '--loss', 'cce'],
      /layer 2 \(output sigmoid, loss cce\): loss 'cce' follows a softmax output/,
    ],
    [
      ['--activations', 'softmax,softmax', '--loss', 'cce'],
      /layer 1 \(softmax\): .*only on the output layer/,
    ],
    [['--activations', 'gelu,sigmoid'], /layer 1 \(gelu\): unknown activation "gelu"/],
    [['--activations', 'tanh,tanh,sigmoid'], /expected 2 activation names.*1 hidden layer from --hidden/],
    [['--dataset', 'blobs3'], /blobs3 has 3 classes .* needs a softmax output/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseCliArgs(argv, IDS)).toThrow(UsageError);
    expect(() => parseCliArgs(argv, IDS)).toThrow(message);
  });
});
