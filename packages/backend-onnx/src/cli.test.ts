import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SpecError } from '@onegrad/core';
import { describe, expect, it } from 'vitest';
import { main } from './cli.js';
import { trainingGraph } from './export-onnx.js';

describe('onegrad-onnx-graph', () => {
  it('writes the requested training graph', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'onegrad-cli-'));
    try {
      const out = join(dir, 'g.onnx');
      expect(await main(['3,4,1', '--loss', 'mse', '--dtype', 'float64', '--trace', '--out', out])).toBe(out);
      const want = trainingGraph({ sizes: [3, 4, 1], loss: 'mse', dtype: 'float64' }, { trace: true });
      expect(new Uint8Array(await readFile(out))).toEqual(want);
    } finally {
      await rm(dir, { recursive: true });
    }
  });

  it('takes one activation per layer', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'onegrad-cli-'));
    try {
      const out = join(dir, 'g.onnx');
      await main(['4,8,3', '--activations', 'tanh,softmax', '--loss', 'cce', '--out', out]);
      const want = trainingGraph({
        sizes: [4, 8, 3],
        loss: 'cce',
        dtype: 'float32',
        activations: ['tanh', 'softmax'],
      });
      expect(new Uint8Array(await readFile(out))).toEqual(want);
      await expect(main(['4,8,3', '--activations', 'tanh', '--out', out])).rejects.toBeInstanceOf(SpecError);
    } finally {
      await rm(dir, { recursive: true });
    }
  });

  it('rejects a bad spec or missing sizes', async () => {
    await expect(main(['2,x,1'])).rejects.toBeInstanceOf(SpecError);
    for (const sizes of [
      '2,1e300',
      '2,9007199254740993,1',
      '2,1.5,1',
      '2,0x10,1',
      '2,,1',
      `2,${2 ** 21},1`,
    ]) {
      await expect(
        main([sizes, '--out', join(tmpdir(), 'never-written.onnx')]),
        sizes,
      ).rejects.toBeInstanceOf(SpecError);
    }
    await expect(main(['2,9007199254740993,1'])).rejects.toThrow("'9007199254740993'");
    await expect(main([])).rejects.toThrow(/usage/);
  });
});
