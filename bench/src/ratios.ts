import type { DType } from '@onegrad/core';
import type { Engine, Impl, RowSpec } from './types.js';

/** A peer a row is compared with, and the key its ratio has in `vs`; one step per call and one thread unless said. */
interface PeerRef {
  readonly key: string;
  readonly impl: Impl;
  readonly engine: Engine;
  readonly dtype: DType;
  readonly stepsPerCall?: number;
  readonly threads?: number;
}

const LAYERS_CPU = {
  key: 'tfjs-layers/cpu',
  impl: 'tfjs-layers',
  engine: 'tfjs-cpu',
  dtype: 'float32',
} as const;
const LAYERS_WASM = {
  key: 'tfjs-layers/wasm',
  impl: 'tfjs-layers',
  engine: 'tfjs-wasm',
  dtype: 'float32',
} as const;
const PLAIN = { key: 'plain-loop', impl: 'plain-loop', engine: 'js', dtype: 'float32' } as const;
const BRAIN = { key: 'brainjs', impl: 'brainjs', engine: 'js', dtype: 'float32' } as const;

function floor(dtype: DType, threads = 1): PeerRef {
  return { key: 'ort-gemm-floor', impl: 'ort-gemm-floor', engine: 'ort-cpu', dtype, threads };
}

/** The same row with one step per call (`single-step`) and, for a threaded row, on one thread (`threads-1`). */
function selfPeers(row: RowSpec): PeerRef[] {
  const self = { impl: row.impl, engine: row.engine, dtype: row.dtype };
  return [
    ...(row.stepsPerCall > 1 ? [{ key: 'single-step', ...self, threads: row.threads ?? 1 }] : []),
    ...((row.threads ?? 1) > 1 ? [{ key: 'threads-1', ...self, stepsPerCall: row.stepsPerCall }] : []),
  ];
}

/**
 * The same onegrad-onnx row in float64 (`float64`), for a float32 row: float32 should be no slower, on
 * the same workload, steps per call, threads and runtime.
 */
function float64Peer(row: RowSpec): PeerRef[] {
  if (row.dtype !== 'float32') return [];
  const { impl, engine, stepsPerCall } = row;
  return [{ key: 'float64', impl, engine, dtype: 'float64', stepsPerCall, threads: row.threads ?? 1 }];
}

/**
 * The peers a row answers to: the alternative a user of that engine would pick, and the GEMM floor
 * of the row's dtype. onegrad-tfjs is held to tfjs Layers on the same tfjs backend, onegrad-ts to the
 * plain loop and brain.js, onegrad-onnx to tfjs Layers on wasm (the fastest tfjs in Node) and the
 * plain loop; the peers themselves only to the floor. A row of many steps per call also answers to
 * its own single-step row, a row on two threads to its one-thread row, a float32 onegrad-onnx row to
 * its float64 twin.
 */
export function peersOf(row: RowSpec): PeerRef[] {
  switch (row.impl) {
    case 'onegrad-ts':
      return [PLAIN, BRAIN, floor(row.dtype), ...selfPeers(row)];
    case 'onegrad-tfjs':
      return [row.engine === 'tfjs-wasm' ? LAYERS_WASM : LAYERS_CPU, floor('float32'), ...selfPeers(row)];
    case 'onegrad-onnx':
      return [LAYERS_WASM, PLAIN, floor(row.dtype, row.threads), ...selfPeers(row), ...float64Peer(row)];
    case 'ort-gemm-floor':
      return selfPeers(row);
    default:
      return [floor(row.dtype)];
  }
}

/**
 * `vs` of every measured row: its median time over each measured peer's median time in the same
 * workload (below 1 the row is faster; 0.1 means ten times faster). Peers not measured are left out.
 */
export function ratios<R extends RowSpec & { readonly medianMs: number }>(
  rows: readonly R[],
): (R & { vs: Record<string, number> })[] {
  return rows.map((row) => {
    const vs: Record<string, number> = {};
    for (const peer of peersOf(row)) {
      const match = rows.find(
        (r) =>
          r.workload === row.workload &&
          r.impl === peer.impl &&
          r.engine === peer.engine &&
          r.dtype === peer.dtype &&
          r.stepsPerCall === (peer.stepsPerCall ?? 1) &&
          (r.threads ?? 1) === (peer.threads ?? 1) &&
          r.runtime === row.runtime,
      );
      if (match) vs[peer.key] = row.medianMs / match.medianMs;
    }
    return { ...row, vs };
  });
}
