import { settledMemory } from './collect-garbage.js';
import { tfjsTensorCount } from './engine-tensors.js';
import { seedNet } from './seed-net.js';
import { started, type Target } from './targets.js';

/** A reading at the start or the end of a soak: memory after a full collection, engine tensors. */
export interface Reading {
  /** Resident set size, bytes. */
  readonly rss: number;
  /** JavaScript heap in use, bytes. */
  readonly heapUsed: number;
  /** Memory of C++ objects bound to JavaScript (typed array stores, runtime tensors), bytes. */
  readonly external: number;
  /** tfjs `tf.memory().numTensors`, for tfjs targets only. */
  readonly tensors?: number;
}

/** What one soak of one target measured. */
export interface SoakReport {
  readonly label: string;
  readonly steps: number;
  readonly seconds: number;
  readonly start: Reading;
  readonly end: Reading;
  /** tfjs tensors once the backend was initialised, and after it was disposed. */
  readonly tensorsAfterDispose?: readonly [before: number, after: number];
  /** The final loss, to show the network trained. */
  readonly loss: number;
}

/** Growth allowed between the start and end readings: beyond it, the soak reports a leak. */
export const NOISE = { heapUsed: 2 * 2 ** 20, external: 2 * 2 ** 20, rss: 32 * 2 ** 20 } as const;

function reading(tfjs: boolean): Reading {
  const m = settledMemory();
  const base = { rss: m.rss, heapUsed: m.heapUsed, external: m.external };
  return tfjs ? { ...base, tensors: tfjsTensorCount() } : base;
}

/** Trains the seed network for `steps` steps (after a warm-up) and reads memory before and after. */
export async function soak(target: Target, steps: number, warmup = 500): Promise<SoakReport> {
  const tfjs = target.label.startsWith('tfjs-');
  const backend = await started(target);
  // Read once tfjs has a backend: tf.memory() throws before any is registered.
  const before = tfjs ? tfjsTensorCount() : 0;
  const { spec, params, batch, learningRate } = seedNet(target.dtype);
  const session = await backend.createSession(spec, params);
  for (let i = 0; i < warmup; i++) await session.step(batch, { learningRate });
  const start = reading(tfjs);
  const t0 = performance.now();
  let loss = Number.NaN;
  // Every 1000th step is traced, so that the traced path is soaked too.
  for (let i = 1; i <= steps; i++)
    loss = (await session.step(batch, { learningRate, trace: i % 1000 === 0 })).loss;
  const seconds = (performance.now() - t0) / 1000;
  const end = reading(tfjs);
  session.dispose();
  await backend.dispose();
  const report = { label: target.label, steps, seconds, start, end, loss };
  return tfjs ? { ...report, tensorsAfterDispose: [before, tfjsTensorCount()] } : report;
}

/** What grew beyond {@link NOISE} (and any tfjs tensor at all), as text; empty when nothing did. */
export function leaks(r: SoakReport): string[] {
  const out: string[] = [];
  for (const key of ['heapUsed', 'external', 'rss'] as const) {
    const grew = r.end[key] - r.start[key];
    if (grew > NOISE[key])
      out.push(`${r.label}: ${key} grew by ${mb(grew)} MB (noise allowance ${mb(NOISE[key])} MB)`);
  }
  if (r.start.tensors !== r.end.tensors)
    out.push(`${r.label}: tfjs tensors ${r.start.tensors} -> ${r.end.tensors}`);
  const [before, after] = r.tensorsAfterDispose ?? [0, 0];
  if (before !== after) out.push(`${r.label}: ${after - before} tfjs tensors left after dispose`);
  return out;
}

/** Bytes as megabytes with one decimal. */
export function mb(bytes: number): string {
  return (bytes / 2 ** 20).toFixed(1);
}
