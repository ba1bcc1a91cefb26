import type { DType } from '@onegrad/core';
import type { ConformanceTarget } from '../target.js';

/**
 * The reason `target` skips case `id` in `dtype`, or undefined. Keys are case ids or prefixes ending
 * in `*`, optionally qualified by a dtype: `random/*`, `float32:saturation/bce/+17`.
 */
export function skipReason(target: ConformanceTarget, id: string, dtype: DType): string | undefined {
  for (const [key, reason] of Object.entries(target.skip ?? {})) {
    const colon = key.indexOf(':');
    const [onlyDType, pattern] = colon >= 0 ? [key.slice(0, colon), key.slice(colon + 1)] : [undefined, key];
    if (onlyDType !== undefined && onlyDType !== dtype) continue;
    if (matches(pattern, id)) return reason;
  }
  return undefined;
}

/** True when `id` is selected by `only` (case ids or prefixes ending in `*`); everything when absent. */
export function selected(id: string, only: readonly string[] | undefined): boolean {
  return !only || only.some((p) => matches(p, id));
}

/** True when `pattern` matches at least one of `ids`. */
export function matchesAny(pattern: string, ids: readonly string[]): boolean {
  return ids.some((id) => matches(pattern, id));
}

/** True when `pattern` is `id` itself, or a prefix of it ending in `*`. */
function matches(pattern: string, id: string): boolean {
  return pattern === id || (pattern.endsWith('*') && id.startsWith(pattern.slice(0, -1)));
}
