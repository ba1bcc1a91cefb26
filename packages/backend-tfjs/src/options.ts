import { type BackendInfo, BackendInitError, BackendOptionError } from '@onegrad/core';

/**
 * The most bytes one call may need on the tfjs engine by default: the largest heap tfjs-backend-wasm's
 * module can grow to (4 GiB - 64 KiB, wasm32's address space). tfjs-cpu is held to the same budget, so
 * a batch no engine here could hold is refused at once instead of computing for minutes.
 */
export const MAX_CALL_BYTES = 4294901760;

/** The tfjs backends this package runs on: `cpu` (Node and browsers), `wasm` (Node and browsers), `webgl` (browsers). */
export type TfjsBackendName = 'cpu' | 'wasm' | 'webgl';

/** Every tfjs backend this package knows, in a stable order. */
export const TFJS_BACKENDS: readonly TfjsBackendName[] = ['cpu', 'wasm', 'webgl'];

/** Options of {@link createTfjsBackend}. */
export interface TfjsBackendOptions {
  /** The tfjs backend to compute on; default `cpu`. */
  readonly tfBackend?: TfjsBackendName;
  /**
   * The most bytes one step or forward may need on the engine (batch, intermediates, parameters), a
   * positive number; larger batches are refused with CapacityError before anything is allocated.
   * Default and maximum {@link MAX_CALL_BYTES} (4 GiB - 64 KiB, the largest wasm heap).
   */
  readonly maxCallBytes?: number;
}

/** Checks `options.maxCallBytes` at creation: BackendOptionError unless it is a positive number. */
export function resolveMaxCallBytes(options: TfjsBackendOptions | undefined): number {
  const value: unknown = options?.maxCallBytes ?? MAX_CALL_BYTES;
  if (typeof value !== 'number' || Number.isNaN(value) || value <= 0) {
    throw new BackendOptionError(
      'options.maxCallBytes',
      `expected a positive number of bytes, got ${JSON.stringify(value) ?? String(value)}`,
    );
  }
  return Math.min(value, MAX_CALL_BYTES);
}

/** The @tensorflow/tfjs version this package is built and tested against; replaced by the loaded one at init. */
export const PINNED_TFJS_VERSION = '4.22.0';

/** Checks the options and returns the chosen tfjs backend name. */
export function resolveTfBackend(options: TfjsBackendOptions | undefined): TfjsBackendName {
  const name = options?.tfBackend ?? 'cpu';
  if (!TFJS_BACKENDS.includes(name)) {
    throw new BackendInitError(
      'options.tfBackend',
      `unknown tfjs backend ${JSON.stringify(name)}; expected one of ${TFJS_BACKENDS.join(', ')}`,
    );
  }
  return name;
}

/** The backend's self-description, e.g. `tfjs-wasm` on `@tensorflow/tfjs 4.22.0 (wasm)`, float32 only. */
export function tfjsBackendInfo(tfBackend: TfjsBackendName, version: string): BackendInfo {
  return {
    name: `tfjs-${tfBackend}`,
    engine: `@tensorflow/tfjs ${version} (${tfBackend})`,
    dtypes: ['float32'],
  };
}
