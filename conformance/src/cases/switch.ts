import type { TrainingSession } from '@onegrad/core';
import { expectedStep } from '../judge/expected-step.js';
import { Tally } from '../judge/tally.js';
import { referenceStep } from '../reference/step.js';
import { formatOffender } from '../runner/format-failure.js';
import { reluZerosProblem } from './activations.js';
import { paramsDifference } from './bit-difference.js';
import type { CaseContext, ConformanceCase } from './case.js';
import { checkStep } from './check-step.js';
import { netTag } from './networks.js';
import { type Problem, problemParams, problemSpec, referenceInputOf } from './problem.js';
import { multiStepProblems } from './seed.js';

/** Steps on each side of the switch. */
export const SWITCH_STEPS = 3;

async function steps(
  ctx: CaseContext,
  session: TrainingSession,
  p: Problem,
  id: string,
  from: number,
  on?: string,
): Promise<void> {
  const c = on === undefined ? id : `${id} (on partner ${on})`;
  for (let step = from; step < from + SWITCH_STEPS; step++) {
    const current = await session.getParams();
    const expected = expectedStep(referenceStep(referenceInputOf(p, current)), p.y.data);
    await checkStep(ctx, session, p, expected, { case: c, step });
  }
}

/**
 * k steps on the backend under test, `getParams()`, a fresh session of the partner from those
 * parameters (which must read back bit for bit), k more steps there, then the partner's parameters
 * set back into the first session with `setParams` (again bit for bit) and k final steps. Every step
 * is judged against the reference from the parameters it started from.
 */
export function switchCases(): ConformanceCase[] {
  return [...multiStepProblems(), reluZerosProblem()].map((p) => {
    const id = `switch/${p.sizes.join('-')}/${netTag(p)}`;
    return {
      id,
      description: `${SWITCH_STEPS} steps, hand the parameters to a fresh session of the partner, ${SWITCH_STEPS} more, and back (${netTag(p)})`,
      async run(ctx) {
        const spec = problemSpec(p, ctx.dtype);
        const partner = await ctx.partner();
        // A partner that is another target is judged, but its findings are notes naming it: its own
        // run reports them, and a correct backend is not failed for a faulty partner.
        const other = partner.name !== ctx.targetName;
        const partnerTally = other ? new Tally() : ctx.tally;
        const blame = (text: string) => (other ? ctx.notes.push(text) : ctx.tally.problems.push(text));
        const first = await ctx.backend.createSession(spec, problemParams(p, ctx.dtype));
        let second: TrainingSession | undefined;
        try {
          await steps(ctx, first, p, id, 0);
          const handed = await first.getParams();
          second = await partner.backend.createSession(spec, handed);
          const kept = paramsDifference(handed, await second.getParams());
          if (kept)
            blame(
              `${id}: partner ${partner.name}: createSession(spec, params) did not keep the handed-over parameters bit for bit (handed vs read back: ${kept})`,
            );
          // The partner's steps are judged in the partner's arithmetic.
          const partnerCtx = {
            ...ctx,
            tally: partnerTally,
            flushesSubnormals: partner.flushesSubnormals ?? false,
          };
          await steps(partnerCtx, second, p, id, SWITCH_STEPS, partner.name);
          if (other && !partnerTally.pass) {
            const worst = [...partnerTally.offenders].sort((a, b) => b.ratio - a.ratio)[0];
            ctx.notes.push(
              `${id}: partner ${partner.name} failed its own steps ${SWITCH_STEPS}-${2 * SWITCH_STEPS - 1} (not counted against this target; see ${partner.name}'s report)${worst ? `: ${formatOffender(worst)}` : ''}${partnerTally.problems[0] ? `; ${partnerTally.problems[0]}` : ''}`,
            );
          }
          const back = await second.getParams();
          await first.setParams(back);
          const set = paramsDifference(back, await first.getParams());
          if (set)
            ctx.tally.problems.push(
              `${id}: setParams(params) did not keep the parameters handed back from ${partner.name} bit for bit (handed vs read back: ${set})`,
            );
          await steps(ctx, first, p, id, 2 * SWITCH_STEPS);
        } finally {
          first.dispose();
          second?.dispose();
        }
      },
    };
  });
}
