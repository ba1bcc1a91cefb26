import { describe, expect, test } from 'vitest';
import { reportJson } from '../src/cli/json-report.js';
import { formatReport } from '../src/runner/format-report.js';
import { runConformance } from '../src/runner/run-conformance.js';
import { SelectionError } from '../src/runner/selection-error.js';
import { createNaiveBackend } from './fixtures/naive-backend.js';

const naive = { name: 'naive', create: () => createNaiveBackend(), dtypes: ['float32'] as const };

describe('no vacuous runs', () => {
  test.each([
    [{ only: ['seeds/*'] }, {}, 'options.only', '"seeds/*" matches no case'],
    [{ only: ['seed/sigmoid+bce', 'seed/relu'] }, {}, 'options.only', '"seed/relu"'],
    [{ only: ['seed/*'] }, { 'randum/*': 'typo' }, 'target.skip', 'key "randum/*" matches no case'],
    [{ only: ['seed/*'] }, { 'float16:*': 'no such dtype' }, 'target.skip', 'dtypes are float32, float64'],
  ])('%j with skip %j throws SelectionError naming %s', async (options, skip, parameter, message) => {
    const run = runConformance({ ...naive, skip }, options);
    await expect(run).rejects.toBeInstanceOf(SelectionError);
    await expect(run).rejects.toMatchObject({ parameter, message: expect.stringContaining(message) });
  });

  test('a skip key that matches a case outside the selection is fine', async () => {
    const report = await runConformance(
      { ...naive, skip: { 'random/*': 'slow' } },
      { only: ['seed/sigmoid+bce'] },
    );
    expect(report.backends[0]?.cases).toBe(1);
  });
});

describe('declared deviations', () => {
  test('are in every report row and the JSON, with the verdict of the case that checks them', async () => {
    const only = ['seed/sigmoid+bce', 'deviations/*'];
    const honest = await runConformance(naive, { only });
    expect(honest.backends[0]?.deviations).toEqual([]);
    expect(formatReport(honest)).toMatch(/naive\s+float32.*none\s+pass/);
    const lying = await runConformance({ ...naive, flushesSubnormals: true }, { only });
    const row = lying.backends[0];
    expect(row?.deviations).toEqual([
      { name: 'flushesSubnormals', checkedBy: 'deviations/flushes-subnormals', status: 'refuted' },
    ]);
    expect(row?.failed).toEqual(['deviations/flushes-subnormals']);
    expect(formatReport(lying)).toMatch(/naive\s+float32.*flushesSubnormals!\s+FAIL \(1\)/);
    expect(JSON.parse(reportJson(lying)).backends[0].deviations[0].status).toBe('refuted');
    const unchecked = await runConformance(
      { ...naive, flushesSubnormals: true },
      { only: ['seed/sigmoid+bce'] },
    );
    expect(unchecked.backends[0]?.deviations[0]?.status).toBe('not run');
  });
});
