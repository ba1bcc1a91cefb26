import { CapacityError, EngineError, type NetworkSpec, parameterCount } from '@onegrad/core';
import type { Tf } from './load-tfjs.js';
import type { TfjsBackendName } from './options.js';

// Float32 values a call keeps alive per row and per unit of the network (every width n0..nL together):
// tf.tidy holds every intermediate of the step until it returns. Measured on tfjs-wasm with
// `node tests/robustness/dist/measure-limits.js`-style runs of 1M-12M rows: 10-14 per unit for a step
// ([2,2,1]: 13.4, [2,16,1]: 11.4, [10,10,10,3] traced: 10), with margin for the heap's growth steps.
const FLOATS_PER_UNIT = { step: 16, forward: 8 } as const;

// Copies of the parameters a call may hold at once: current, gradients, update, and during a run the
// run's start and the start of the chunk being checked.
const PARAMETER_SETS = 5;

/** Which call a batch is for. */
export type CallKind = keyof typeof FLOATS_PER_UNIT;

/** Bytes a call of `kind` on `rows` rows of `spec` may need on the engine, parameters and their update included. */
export function callBytes(spec: NetworkSpec, rows: number, kind: CallKind): number {
  const units = spec.sizes.reduce((sum, n) => sum + n, 0);
  return 4 * (rows * units * FLOATS_PER_UNIT[kind] + PARAMETER_SETS * parameterCount(spec.sizes));
}

/**
 * Throws {@link CapacityError} naming `parameter` when a call of `kind` on `rows` rows would need more
 * than `maxBytes` less what tfjs tensors already hold: checked before any tensor is made, so the
 * parameters are untouched.
 */
export function assertFits(
  tf: Tf,
  spec: NetworkSpec,
  rows: number,
  kind: CallKind,
  maxBytes: number,
  parameter: string,
): void {
  const held = tf.memory().numBytes;
  const need = callBytes(spec, rows, kind);
  if (need + held <= maxBytes) return;
  const mb = (n: number) => `${(n / 2 ** 20).toFixed(1)} MB`;
  const perRow = callBytes(spec, 1, kind) - callBytes(spec, 0, kind);
  const most = Math.max(0, Math.floor((maxBytes - held - callBytes(spec, 0, kind)) / perRow));
  throw new CapacityError(
    parameter,
    `a ${kind} on ${rows} rows of [${spec.sizes.join(', ')}] needs about ${mb(need)}, more than the ${mb(maxBytes - held)} the engine can hold (at most ${most} rows); split the batch`,
  );
}

// WebAssembly is not in the ES library this package compiles against; it is a global in Node and browsers.
const { WebAssembly: wasm } = globalThis as unknown as { WebAssembly?: { RuntimeError: new () => Error } };

/** True for a trap or an abort of a wasm module (WebAssembly.RuntimeError). */
function isWasmTrap(error: unknown): boolean {
  return wasm !== undefined && error instanceof wasm.RuntimeError;
}

// tfjs-backend-wasm has one module per process: once it has trapped, every session on it is suspect.
let poisoned: EngineError | undefined;

/**
 * Runs `compute` on tfjs backend `name`. On wasm, a WebAssembly.RuntimeError (an out-of-bounds access,
 * an abort) leaves the module's heap undefined, so the module is marked poisoned and this and every later
 * wasm call, on any session or backend in the process, throws {@link EngineError} instead of returning
 * what the damaged heap holds.
 */
export function guardWasm<R>(name: TfjsBackendName, compute: () => R): R {
  if (name !== 'wasm') return compute();
  if (poisoned !== undefined) throw poisoned;
  try {
    return compute();
  } catch (cause) {
    if (!isWasmTrap(cause)) throw cause;
    poisoned = new EngineError(
      'tfBackend',
      `the tfjs wasm module failed (${(cause as Error).message}) and its memory can no longer be trusted: every wasm session in this process is unusable; restart the process`,
      { cause },
    );
    throw poisoned;
  }
}
