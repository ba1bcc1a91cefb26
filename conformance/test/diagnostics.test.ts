import type { Backend, Matrix } from '@onegrad/core';
import { describe, expect, test } from 'vitest';
import { formatCaseFailure } from '../src/runner/format-failure.js';
import type { CaseResult } from '../src/runner/report.js';
import { runConformance } from '../src/runner/run-conformance.js';
import type { ConformanceTarget } from '../src/target.js';
import { createNaiveBackend, type NaiveOptions } from './fixtures/naive-backend.js';

const f32 = ['float32'] as const;

/** The failure text of every failed case of a run, with the results. */
async function failures(target: ConformanceTarget, only: string[], partner?: ConformanceTarget) {
  const report = await runConformance(target, { only, ...(partner ? { partner } : {}) });
  const results = report.backends.flatMap((b) => b.results);
  const text = report.backends.flatMap((b) =>
    b.results.filter((r) => !r.pass).map((r) => formatCaseFailure(b.name, r)),
  );
  return { results, text: text.join('\n') };
}

const naive = (name: string, options: NaiveOptions = {}): ConformanceTarget => ({
  name,
  create: () => createNaiveBackend(options),
  dtypes: f32,
  skip: { 'float64:*': 'float32 is enough here' },
});

/** A backend whose forward() output is scaled, while its steps stay right. */
function scaledForward(inner: Backend): Backend {
  return {
    ...inner,
    info: inner.info,
    init: () => inner.init(),
    dispose: () => inner.dispose(),
    async createSession(spec, params) {
      const s = await inner.createSession(spec, params);
      return {
        spec: s.spec,
        backend: s.backend,
        forward: async (x) => {
          const out = await s.forward(x);
          return { ...out, data: out.data.map((v) => v * 1.01) as Matrix['data'] };
        },
        step: (b, o) => s.step(b, o),
        train: (b, o) => s.train(b, o),
        getParams: () => s.getParams(),
        setParams: (p) => s.setParams(p),
        dispose: () => s.dispose(),
      };
    },
  };
}

/** A backend whose every second session computes dZ2 slightly off: runs on fresh sessions differ. */
function flaky(): Backend {
  let n = 0;
  const [good, bad] = [createNaiveBackend(), createNaiveBackend({ mutation: 'perturb-dz' })];
  return {
    info: good.info,
    init: async () => {
      await good.init();
      await bad.init();
    },
    createSession: (spec, params) => (n++ % 2 === 0 ? good : bad).createSession(spec, params),
    dispose: async () => {
      await good.dispose();
      await bad.dispose();
    },
  };
}

describe('failure messages say what to fix', () => {
  test('dW and db exactly m times the reference: the missing 1/m', async () => {
    const { text } = await failures(naive('no-mean', { mutation: 'no-mean' }), ['seed/sigmoid+bce']);
    expect(text).toContain(
      'hint: every offending dW and db is exactly 2 times the reference: the batch mean is missing',
    );
  });

  test('a zero where the reference is subnormal: exp overflow', async () => {
    const { text } = await failures(naive('naive-sigmoid', { fault: 'naive-sigmoid' }), [
      'saturation/sigmoid+mse/-90',
    ]);
    expect(text).toMatch(/hint: A layer 2 is 0 where the reference is the subnormal .*e\^-z overflowing/);
  });

  test('a non-finite cost at saturation: the loss computed from A', async () => {
    const { text } = await failures(naive('loss-from-a', { mutation: 'loss-from-a' }), [
      'saturation/sigmoid+bce/+90',
    ]);
    expect(text).toContain('hint: the cost is');
    expect(text).toContain('computed from A');
  });

  test('forward() and trace values are labelled apart', async () => {
    const target = {
      name: 'scaled-forward',
      create: () => scaledForward(createNaiveBackend()),
      dtypes: f32,
      skip: { 'float64:*': 'float32 is enough here' },
    };
    const { text } = await failures(target, ['seed/sigmoid+bce']);
    expect(text).toMatch(/forward\(\) A layer 2 element \(0, 0\)/);
    expect(text).not.toMatch(/trace A layer 2/);
  });

  test('a class check states the expected class, not a reference NaN', async () => {
    const { text } = await failures(naive('unflagged', { mutation: 'unflagged-grad' }), [
      'saturation/sigmoid+bce/+90',
    ]);
    expect(text).toContain('expected dANonFinite to list exactly the non-finite elements');
    expect(text).not.toContain('reference NaN');
  });

  test('determinism names the first difference in dataflow order', async () => {
    const { text } = await failures(
      { name: 'flaky', create: flaky, dtypes: f32, skip: { 'float64:*': 'float32 is enough here' } },
      ['determinism/2-2-1/sigmoid+bce'],
    );
    expect(text).toContain('the first difference in dataflow order is dZ layer 2 at step 0');
  });

  test('a faulty partner is named in a note and does not fail a correct target', async () => {
    const partner = naive('bad-partner', { mutation: 'perturb-dz' });
    const { results } = await failures(naive('correct'), ['switch/2-2-1/sigmoid+bce'], partner);
    const r = results[0] as CaseResult;
    expect(r.pass).toBe(true);
    expect(r.notes.join('\n')).toMatch(
      /partner bad-partner failed its own steps 3-5 \(not counted against this target.*\(on partner bad-partner\) step 3/,
    );
  });

  test('without a partner target, a fault in the second session fails the case and is labelled', async () => {
    const { text } = await failures(naive('perturb', { mutation: 'perturb-dz' }), [
      'switch/2-2-1/sigmoid+bce',
    ]);
    expect(text).toContain('(on partner perturb) step 3');
  });
});
