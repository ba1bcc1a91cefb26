import { createOnnxBackend } from '@onegrad/backend-onnx';
import { createTfjsBackend } from '@onegrad/backend-tfjs';
import { createTsBackend } from '@onegrad/backend-ts';
import type { Backend, DType } from '@onegrad/core';

/** One backend in one dtype, as every robustness test runs it. */
export interface Target {
  /** Label in test names and reports, e.g. `tfjs-wasm/float32`. */
  readonly label: string;
  /** The dtype its sessions compute in. */
  readonly dtype: DType;
  /** A fresh, uninitialised backend. */
  readonly create: () => Backend;
  /** The engine returns 0 where a result is subnormal (judged with conformance's flush-to-zero floor). */
  readonly flushesSubnormals: boolean;
}

const make = (name: string, dtype: DType, create: () => Backend, flushesSubnormals = false): Target => ({
  label: `${name}/${dtype}`,
  dtype,
  create,
  flushesSubnormals,
});

/** Every backend of the repository in every dtype it declares: ts, tfjs cpu and wasm, onnx. */
export const TARGETS: readonly Target[] = [
  make('ts', 'float32', createTsBackend),
  make('ts', 'float64', createTsBackend),
  make('tfjs-cpu', 'float32', () => createTfjsBackend({ tfBackend: 'cpu' })),
  // XNNPACK's sigmoid returns 0 below z ~ -87.3 instead of a subnormal.
  make('tfjs-wasm', 'float32', () => createTfjsBackend({ tfBackend: 'wasm' }), true),
  make('onnx', 'float32', () => createOnnxBackend()),
  make('onnx', 'float64', () => createOnnxBackend()),
];

/** Backends that declare float32 only, for the unsupported-dtype cases. */
export const FLOAT32_ONLY: readonly Target[] = TARGETS.filter((t) => t.label.startsWith('tfjs-'));

/** Targets whose label starts with one of `names` (all when `names` is empty). */
export function selectTargets(names: readonly string[]): Target[] {
  return TARGETS.filter((t) => names.length === 0 || names.some((n) => t.label.startsWith(n)));
}

/** Creates and initialises a target's backend. */
export async function started(target: Target): Promise<Backend> {
  const backend = target.create();
  await backend.init();
  return backend;
}
