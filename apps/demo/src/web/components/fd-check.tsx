import { judgeStep, THRESHOLD } from '@onegrad/conformance/judge';
import { useState } from 'preact/hooks';
import { centralDifference } from '../../lib/finite-difference.js';
import type { DemoController } from '../controller.js';
import { exact, fmt, fmtRatio } from '../format.js';

/** What the check found for one weight of the step on display. */
interface FdResult {
  readonly step: number;
  readonly name: string;
  readonly backend: number;
  readonly difference: number;
  readonly h: number;
  /** judgeStep's worst |dW − reference| / bound over the step's dW. */
  readonly worstDW: number;
}

const H = 1e-5;

/**
 * A finite-difference check beside a gradient: dW_L[0,0] of the step on display against the central
 * difference of J in float64, next to the conformance suite's verdict on the same step's dW.
 */
export function FdCheck({ c }: { c: DemoController }) {
  const [result, setResult] = useState<FdResult | undefined>(undefined);
  const [working, setWorking] = useState(false);
  const traced = c.trainer?.lastTraced;
  const check = async () => {
    const t = c.trainer;
    const step = t?.lastTraced;
    if (!t || !step) return;
    setWorking(true);
    try {
      const L = step.params.length;
      const dW = step.result.trace?.layers[L - 1]?.dW;
      const ts = await c.pool.get('ts');
      const difference = await centralDifference(
        ts,
        t.spec,
        step.params,
        t.batch,
        { layer: L, row: 0, col: 0 },
        H,
      );
      const verdict = judgeStep(
        { spec: t.spec, params: step.params, batch: t.batch, learningRate: step.learningRate },
        step.result,
      );
      setResult({
        step: step.step,
        name: `dW${L}[0,0]`,
        backend: (dW?.data[0] as number) ?? Number.NaN,
        difference,
        h: H,
        worstDW: verdict.worst.dW,
      });
    } finally {
      setWorking(false);
    }
  };
  return (
    <div class="fd" data-testid="fd">
      <button
        type="button"
        data-testid="fd-run"
        disabled={!traced || working || c.busy !== ''}
        onClick={() => void check()}
      >
        {working ? 'Checking…' : 'Check a gradient by finite differences'}
      </button>
      {result && (
        <p
          class="help"
          data-testid="fd-result"
          data-backend={exact(result.backend)}
          data-difference={exact(result.difference)}
          data-worst={String(result.worstDW)}
        >
          Step {result.step}: the engine's <code>{result.name}</code> = {fmt(result.backend, 8)}; the central
          difference <code>(J(w + h) − J(w − h)) / 2h</code> in float64 with h = {result.h} gives{' '}
          {fmt(result.difference, 8)} (relative difference{' '}
          {fmt(
            Math.abs(result.backend - result.difference) / Math.max(Math.abs(result.difference), 1e-300),
            2,
          )}
          , of the order of the engine's dtype and h²). The conformance bound on this step's dW: worst ratio{' '}
          {fmtRatio(result.worstDW)}, threshold {THRESHOLD}.
        </p>
      )}
    </div>
  );
}
