import { THRESHOLD } from '@onegrad/conformance/judge';
import type { DemoController } from '../controller.js';
import { fmtRatio } from '../format.js';

/** The runtime backend switch and the status line naming the engine that computes now. */
export function BackendSwitch({ c }: { c: DemoController }) {
  const t = c.trainer;
  const sw = c.lastSwitch;
  return (
    <section class="panel backends" aria-labelledby="backend-h">
      <h2 id="backend-h">Backend</h2>
      <div class="segmented">
        {c.pool.choices.map((b) => {
          const ok = b.dtypes.includes(c.settings.dtype);
          return (
            <button
              key={b.id}
              type="button"
              aria-pressed={t?.backendId === b.id}
              disabled={!ok || c.busy !== ''}
              title={ok ? `compute on ${b.label}` : `${b.label} computes in ${b.dtypes.join(', ')} only`}
              data-testid={`backend-${b.id}`}
              onClick={() => void c.switchBackend(b.id)}
            >
              {b.label}
            </button>
          );
        })}
      </div>
      <p class="status" role="status" data-testid="status" data-backend={t?.backendId ?? ''}>
        {t ? (
          <>
            Step {t.steps} on <b>{t.active.backend.name}</b>: {t.active.backend.engine}, {c.settings.dtype}.
          </>
        ) : (
          'Loading…'
        )}
      </p>
      {sw && (
        <p
          class="help"
          data-testid="switch-status"
          data-bits={String(sw.bitEqual)}
          data-pass={sw.firstStep ? String(sw.firstStep.pass) : ''}
          data-ratio={sw.firstStep ? String(sw.firstStep.worstRatio) : ''}
        >
          Switched {sw.from} → {sw.to} after step {sw.step}: parameters{' '}
          {sw.bitEqual ? 'identical bit for bit' : 'NOT identical'}
          {sw.firstStep
            ? `; its first step is ${sw.firstStep.pass ? 'within' : 'OUTSIDE'} the error model (worst conformance ratio ${fmtRatio(sw.firstStep.worstRatio)}, threshold ${THRESHOLD}).`
            : '; its first step will be judged against the error model.'}
        </p>
      )}
      <p class="help">
        Switching hands the exact parameter bits to the other engine; training goes on where it was. The
        engines run in a worker, so the page stays responsive while one loads or trains.
      </p>
      {c.busy && (
        <p class="busy" role="status" data-testid="busy">
          {c.busy}
        </p>
      )}
      <div class="row">
        <button
          type="button"
          data-testid="measure"
          disabled={!t || c.busy !== ''}
          onClick={() => void c.measureRate()}
        >
          Measure steps/s
        </button>
      </div>
      {c.rates.size > 0 && (
        <table class="rates" data-testid="rates">
          <tbody>
            {[...c.rates].map(([id, r]) => (
              <tr key={id} data-testid={`rate-${id}`} data-value={String(r.stepsPerSecond)}>
                <th scope="row">{c.pool.choice(id).label}</th>
                <td>{Math.round(r.stepsPerSecond).toLocaleString('en')} steps/s</td>
                <td class="dim">{r.spec}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
