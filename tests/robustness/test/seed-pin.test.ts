// The seed's network is pinned bit for bit on every backend: the hashes below were taken on the
// release before activations and core's one session existed (commit 0bf4f20), so a refactor that
// moves a single bit of a sigmoid network's step, trace, forward pass or parameters fails here.
import { createHash } from 'node:crypto';
import { fromRows, type Matrix, type NetworkSpec } from '@onegrad/core';
import { describe, expect, it } from 'vitest';
import { TARGETS } from '../src/targets.js';
import { startedPerTarget } from './backends.js';

/** sha256 (first 16 hex digits) of every intermediate and of the costs, per target and loss. */
const PINNED: Record<string, { readonly values: string; readonly costs: string }> = {
  'ts/float32 bce': { values: 'e466599a16b3559a', costs: 'b524f662038120c7' },
  'ts/float32 mse': { values: '055ce982cb0f028e', costs: 'ba4019e33a8093c6' },
  'ts/float64 bce': { values: '684c22ba8d2b48f5', costs: 'adf0add6f507b462' },
  'ts/float64 mse': { values: '145a4702b6e34b5b', costs: '1ff7886940010c26' },
  'tfjs-cpu/float32 bce': { values: '15f85c3a0ba05fd3', costs: 'b0cd005a75a19282' },
  'tfjs-cpu/float32 mse': { values: 'd2ce15a39063bafc', costs: 'ba4019e33a8093c6' },
  'tfjs-wasm/float32 bce': { values: '238e0ef644c1fdc6', costs: '9595f02c2e460bae' },
  'tfjs-wasm/float32 mse': { values: '0d79db7ba4ca4088', costs: 'a3e4a06b4c825d5f' },
  'onnx/float32 bce': { values: 'fb4203d1078b0f7b', costs: 'b524f662038120c7' },
  'onnx/float32 mse': { values: '4a020dafbea2d319', costs: 'dbf786a314d26367' },
  'onnx/float64 bce': { values: 'ac0e46d6d54cecb5', costs: '6322c82817e4eb35' },
  'onnx/float64 mse': { values: '0f9853042bbb2cc4', costs: 'd6d240a1a8a7edbc' },
};

const bits = (m: Matrix): string =>
  Buffer.from(m.data.buffer, m.data.byteOffset, m.data.byteLength).toString('hex');

describe('the seed network, bit for bit as before activations existed', () => {
  const backendOf = startedPerTarget();

  it.each(
    TARGETS.flatMap((t) => (['bce', 'mse'] as const).map((loss) => [`${t.label} ${loss}`, t, loss] as const)),
  )('%s', async (key, target, loss) => {
    const { dtype } = target;
    const spec: NetworkSpec = { sizes: [2, 2, 1], loss, dtype };
    const params = [
      {
        W: fromRows(
          [
            [0.125, -0.25],
            [0.375, 0.0625],
          ],
          dtype,
        ),
        b: fromRows([[0, 0]], dtype),
      },
      { W: fromRows([[0.5], [-0.75]], dtype), b: fromRows([[0]], dtype) },
    ];
    const session = await backendOf(target).createSession(spec, params);
    const batch = {
      x: fromRows(
        [
          [1, 1],
          [0, 0],
        ],
        dtype,
      ),
      y: fromRows([[1], [0]], dtype),
    };
    const values = createHash('sha256');
    const costs = createHash('sha256');
    for (let i = 0; i < 3; i++) {
      const r = await session.step(batch, { learningRate: 0.1, trace: true });
      const trace = r.trace as NonNullable<typeof r.trace>;
      costs.update(String(r.loss) + String(trace.loss));
      for (const l of trace.layers)
        for (const k of ['z', 'a', 'dA', 'dZ', 'dW', 'db'] as const) values.update(bits(l[k]));
      for (const p of trace.params) values.update(bits(p.W) + bits(p.b));
      values.update(JSON.stringify(trace.layers.map((l) => l.dANonFinite)) + trace.fusedOutput);
    }
    values.update(bits(await session.forward(batch.x)));
    for (let i = 0; i < 50; i++) await session.step(batch, { learningRate: 0.5 });
    for (const p of await session.getParams()) values.update(bits(p.W) + bits(p.b));
    session.dispose();
    expect({ values: values.digest('hex').slice(0, 16), costs: costs.digest('hex').slice(0, 16) }).toEqual(
      PINNED[key],
    );
  });
});
