import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ConformanceTarget } from '../target.js';
import { UsageError } from './args.js';

/** Imports the config module and checks that its default export is an array of targets. */
export async function loadTargets(path: string): Promise<ConformanceTarget[]> {
  const full = resolve(path);
  if (!existsSync(full)) throw new UsageError(`config file ${full} does not exist`);
  let mod: { default?: unknown };
  try {
    mod = (await import(pathToFileURL(full).href)) as { default?: unknown };
  } catch (error) {
    throw new UsageError(`config file ${full} could not be loaded: ${(error as Error).message}`);
  }
  const targets = mod.default;
  if (!Array.isArray(targets))
    throw new UsageError(`config file ${full} must default-export an array of ConformanceTarget`);
  targets.forEach((t, i) => {
    if (typeof t?.name !== 'string' || typeof t?.create !== 'function') {
      throw new UsageError(`config file ${full}: entry ${i} needs a string 'name' and a function 'create'`);
    }
  });
  return targets as ConformanceTarget[];
}
