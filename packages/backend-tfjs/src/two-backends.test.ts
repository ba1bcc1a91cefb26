import { type Params, paramsBitEqual } from '@onegrad/core';
import { describe, expect, it } from 'vitest';
import { createTfjsBackend, type TfjsBackendName } from './index.js';
import { seedNet } from './seed-net.test.util.js';

const { spec, params, batch } = seedNet('mse');

/** Losses and final parameters of 20 steps on one backend, run alone. */
async function alone(tfBackend: TfjsBackendName): Promise<{ losses: number[]; params: Params }> {
  const backend = createTfjsBackend({ tfBackend });
  const session = await backend.createSession(spec, params);
  const losses: number[] = [];
  for (let i = 0; i < 20; i++) losses.push((await session.step(batch, { learningRate: 0.5 })).loss);
  const out = { losses, params: await session.getParams() };
  await backend.dispose();
  return out;
}

describe('two tfjs backends alive in one process', () => {
  it('interleaved calls give the same bits as each backend alone', async () => {
    const cpuAlone = await alone('cpu');
    const wasmAlone = await alone('wasm');
    // The engines round differently, so a call computed on the wrong one would show.
    expect(wasmAlone.losses).not.toEqual(cpuAlone.losses);
    const cpu = createTfjsBackend({ tfBackend: 'cpu' });
    const wasm = createTfjsBackend({ tfBackend: 'wasm' });
    const [a, b] = await Promise.all([cpu.createSession(spec, params), wasm.createSession(spec, params)]);
    const lossesA: Promise<number>[] = [];
    const lossesB: Promise<number>[] = [];
    // Not awaited one by one: the calls of both sessions are in flight together.
    for (let i = 0; i < 20; i++) {
      lossesA.push(a.step(batch, { learningRate: 0.5 }).then((r) => r.loss));
      lossesB.push(b.step(batch, { learningRate: 0.5 }).then((r) => r.loss));
    }
    expect(await Promise.all(lossesA)).toEqual(cpuAlone.losses);
    expect(await Promise.all(lossesB)).toEqual(wasmAlone.losses);
    expect(paramsBitEqual(await a.getParams(), cpuAlone.params)).toBe(true);
    expect(paramsBitEqual(await b.getParams(), wasmAlone.params)).toBe(true);
    await Promise.all([cpu.dispose(), wasm.dispose()]);
  });

  it('moves a running network from one backend to the other through getParams', async () => {
    const cpu = createTfjsBackend({ tfBackend: 'cpu' });
    const wasm = createTfjsBackend({ tfBackend: 'wasm' });
    const a = await cpu.createSession(spec, params);
    await a.step(batch, { learningRate: 0.5 });
    const moved = await a.getParams();
    const b = await wasm.createSession(spec, moved);
    expect(paramsBitEqual(await b.getParams(), moved)).toBe(true);
    await Promise.all([cpu.dispose(), wasm.dispose()]);
  });
});
