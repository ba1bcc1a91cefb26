import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import type { Machine } from './types.js';

const SIMD = ['avx2', 'fma', 'avx512f'];

/** The CPU model from /proc/cpuinfo where the virtualised name is vague, with family, model and SIMD flags. */
function cpuModel(info: string): string | undefined {
  const field = (name: string) => new RegExp(`^${name}\\s*:\\s*(.+)$`, 'm').exec(info)?.[1]?.trim();
  const model = field('model name');
  if (!model) return undefined;
  const flags = (field('flags') ?? '').split(/\s+/);
  const simd = SIMD.filter((f) => flags.includes(f));
  const family = field('cpu family');
  const id = family ? `family ${family} model ${field('model')}, ` : '';
  return `${model} (${id}${simd.length > 0 ? simd.join(' ') : 'no avx2'})`;
}

/** The CPU model, the logical core count and the Node version. */
export function machine(): Machine {
  let cpu = cpus()[0]?.model ?? 'unknown';
  try {
    cpu = cpuModel(readFileSync('/proc/cpuinfo', 'utf8')) ?? cpu;
  } catch {
    // Not Linux: os.cpus() already named the model.
  }
  return { cpu, cores: cpus().length, node: process.version };
}
