import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Backend } from '@onegrad/core';
import type { ConformanceTarget } from '../target.js';
import { type CliArgs, UsageError } from './args.js';

const isBackend = (b: unknown): b is Backend =>
  typeof b === 'object' &&
  b !== null &&
  typeof (b as Backend).info?.name === 'string' &&
  Array.isArray((b as Backend).info?.dtypes) &&
  ['init', 'createSession', 'dispose'].every(
    (k) => typeof (b as unknown as Record<string, unknown>)[k] === 'function',
  );

/** The target of `--module FILE --export NAME [--options JSON]`: the factory called with the options. */
export async function loadModuleTarget(args: CliArgs & { module: string }): Promise<ConformanceTarget> {
  const full = resolve(args.module);
  if (!existsSync(full)) throw new UsageError(`module ${full} does not exist`);
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(full).href)) as Record<string, unknown>;
  } catch (error) {
    throw new UsageError(`module ${full} could not be loaded: ${(error as Error).message}`);
  }
  const factory = mod[args.export];
  if (typeof factory !== 'function') {
    const names = Object.keys(mod).filter((k) => typeof mod[k] === 'function');
    throw new UsageError(
      `module ${full} has no function export '${args.export}'; its function exports: ${names.join(', ') || 'none'}`,
    );
  }
  const create = () => (args.options === undefined ? factory() : factory(args.options)) as Backend;
  let probe: unknown;
  try {
    probe = create();
  } catch (error) {
    throw new UsageError(
      `${args.export}(${JSON.stringify(args.options) ?? ''}) threw: ${(error as Error).message}`,
    );
  }
  if (!isBackend(probe))
    throw new UsageError(
      `${args.export}() must return a Backend ({ info: { name, engine, dtypes }, init, createSession, dispose })`,
    );
  return {
    name: args.name ?? probe.info.name,
    create,
    ...(args.flushesSubnormals ? { flushesSubnormals: true } : {}),
  };
}
