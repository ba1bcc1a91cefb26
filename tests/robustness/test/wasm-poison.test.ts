import { createTfjsBackend } from '@onegrad/backend-tfjs';
import { EngineError, paramsBitEqual } from '@onegrad/core';
import { engine } from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { seedNet } from '../src/seed-net.js';
import { rejection } from './rejected-call.js';

// The wasm module is one per process and this file poisons it on purpose: vitest runs each test file in
// its own process, so no other file sees it.
interface WasmModule {
  _malloc(bytes: number): number;
  _register_tensor(id: number, size: number, offset: number): void;
  _Abs(x: number, dtype: number, out: number): void;
}

/** Makes the module's next allocation trap with a real out-of-bounds access inside the wasm code. */
function trapOnNextAllocation(): void {
  const wasm = (engine().findBackend('wasm') as unknown as { wasm: WasmModule }).wasm;
  const malloc = wasm._malloc;
  wasm._malloc = (bytes: number) => {
    wasm._malloc = malloc;
    // A tensor registered 2 GB past the heap's end: reading it is what an oversized batch does.
    wasm._register_tensor(999_999, 16, 2 ** 31 - 16);
    wasm._Abs(999_999, 0, 999_999);
    return malloc(bytes);
  };
}

describe('a wasm module that traps', () => {
  it('poisons every wasm session and backend with EngineError; tfjs-cpu carries on', async () => {
    const { spec, params, batch, learningRate } = seedNet('float32');
    const wasm = createTfjsBackend({ tfBackend: 'wasm' });
    const bystander = await wasm.createSession(spec, params);
    const victim = await wasm.createSession(spec, params);
    trapOnNextAllocation();
    const error = await rejection(() => victim.step(batch, { learningRate }));
    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).parameter).toBe('tfBackend');
    expect((error as Error).message).toContain('memory access out of bounds');
    for (const call of [
      () => victim.getParams(),
      () => bystander.step(batch, { learningRate }),
      () => bystander.forward(batch.x),
      () => bystander.setParams(params),
    ]) {
      expect(await rejection(call)).toBeInstanceOf(EngineError);
    }
    const fresh = createTfjsBackend({ tfBackend: 'wasm' });
    expect(await rejection(() => fresh.createSession(spec, params))).toBeInstanceOf(EngineError);
    const cpu = createTfjsBackend({ tfBackend: 'cpu' });
    const session = await cpu.createSession(spec, params);
    await session.step(batch, { learningRate });
    expect(paramsBitEqual(await session.getParams(), params)).toBe(false);
    await Promise.all([wasm.dispose(), fresh.dispose(), cpu.dispose()]);
  });
});
