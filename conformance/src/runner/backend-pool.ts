import type { Backend, DType } from '@onegrad/core';
import type { ConformanceTarget } from '../target.js';

/**
 * The backends one dtype's cases run on: the target's, created and initialised on first use, and
 * the switch partner's (the partner target when it computes in this dtype, else a second instance
 * of the target). `dispose()` releases both.
 */
export class BackendPool {
  private main: Promise<Backend> | undefined;
  private second: Promise<{ name: string; backend: Backend; flushesSubnormals: boolean }> | undefined;
  constructor(
    private readonly target: ConformanceTarget,
    private readonly dtype: DType,
    private readonly partnerTarget?: ConformanceTarget,
  ) {}
  /** The target's name. */
  get targetName(): string {
    return this.target.name;
  }
  /** The target's backend, initialised. */
  backend(): Promise<Backend> {
    this.main ??= start(this.target);
    return this.main;
  }
  /** A new initialised backend of the target, owned by the caller. */
  fresh(): Promise<Backend> {
    return start(this.target);
  }
  /** A second initialised backend to hand parameters to. */
  partner(): Promise<{ name: string; backend: Backend; flushesSubnormals: boolean }> {
    this.second ??= (async () => {
      const other = this.partnerTarget;
      if (other && targetDTypes(other).includes(this.dtype)) {
        return {
          name: other.name,
          backend: await start(other),
          flushesSubnormals: other.flushesSubnormals ?? false,
        };
      }
      return {
        name: this.target.name,
        backend: await start(this.target),
        flushesSubnormals: this.target.flushesSubnormals ?? false,
      };
    })();
    return this.second;
  }
  /** Disposes whatever was created. */
  async dispose(): Promise<void> {
    const made = [this.main, this.second?.then((p) => p.backend)].filter((p) => p !== undefined);
    this.main = undefined;
    this.second = undefined;
    for (const p of made) await (await p.catch(() => undefined))?.dispose();
  }
  /** True when the target flushes subnormals to zero. */
  get flushesSubnormals(): boolean {
    return this.target.flushesSubnormals ?? false;
  }
}

async function start(target: ConformanceTarget): Promise<Backend> {
  const backend = target.create();
  await backend.init();
  return backend;
}

/** The dtypes a target asks for: its own list, or every dtype its backend declares (see `dtypePlan`). */
export function targetDTypes(target: ConformanceTarget): readonly DType[] {
  return target.dtypes ?? target.create().info.dtypes;
}
