import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// The soak reads memory after a full collection, so that what it reports is what is still held.
setFlagsFromString('--expose_gc');
const gc = runInNewContext('gc') as () => void;

/** Runs full garbage collections until the JS heap settles, then returns `process.memoryUsage()`. */
export function settledMemory(): NodeJS.MemoryUsage {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage();
}
