import { UnsupportedDTypeError } from '@onegrad/core';
import type { ConformanceCase } from './case.js';
import { problemParams, problemSpec } from './problem.js';
import { seedProblem } from './seed.js';

/** Id of the case run in each dtype the backend does not declare. */
export const UNSUPPORTED_DTYPE_CASE = 'dtype/unsupported';

/**
 * In a dtype the backend does not declare, `createSession` must reject with core's
 * `UnsupportedDTypeError` (checked by class, or by name for a second copy of core).
 */
export function unsupportedDTypeCase(): ConformanceCase {
  return {
    id: UNSUPPORTED_DTYPE_CASE,
    description: 'createSession in an undeclared dtype rejects with UnsupportedDTypeError',
    async run(ctx) {
      const p = seedProblem('bce');
      const at = `${UNSUPPORTED_DTYPE_CASE} (${ctx.dtype})`;
      let session: Awaited<ReturnType<typeof ctx.backend.createSession>> | undefined;
      try {
        session = await ctx.backend.createSession(problemSpec(p, ctx.dtype), problemParams(p, ctx.dtype));
      } catch (error) {
        const e = error as Error;
        if (!(e instanceof UnsupportedDTypeError) && e?.name !== 'UnsupportedDTypeError') {
          ctx.tally.problems.push(
            `${at}: createSession rejected with ${e?.name ?? 'error'} (${e?.message ?? String(error)}), not UnsupportedDTypeError`,
          );
        }
        return;
      }
      session.dispose();
      ctx.tally.problems.push(
        `${at}: createSession accepted ${ctx.dtype}, which the backend does not declare (info.dtypes)`,
      );
    },
  };
}
