import { type BackendInfo, BackendInitError } from '@onegrad/core';

/** The tfjs backends this package runs on: `cpu` (Node and browsers), `wasm` (Node and browsers), `webgl` (browsers). */
export type TfjsBackendName = 'cpu' | 'wasm' | 'webgl';

/** Every tfjs backend this package knows, in a stable order. */
export const TFJS_BACKENDS: readonly TfjsBackendName[] = ['cpu', 'wasm', 'webgl'];

/** Options of {@link createTfjsBackend}. */
export interface TfjsBackendOptions {
  /** The tfjs backend to compute on; default `cpu`. */
  readonly tfBackend?: TfjsBackendName;
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
