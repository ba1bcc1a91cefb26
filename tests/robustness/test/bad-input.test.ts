import { OnegradError } from '@onegrad/core';
import { describe, expect, it } from 'vitest';
import { seedNet } from '../src/seed-net.js';
import { FLOAT32_ONLY, started, TARGETS } from '../src/targets.js';
import { expectUntouched } from './backends.js';
import type { BadInput } from './bad-input/bad-input.js';
import { BATCH_ROWS } from './bad-input/batch-rows.js';
import { CALL_ROWS } from './bad-input/call-rows.js';
import { DISPOSE_ROWS } from './bad-input/dispose-rows.js';
import { PARAMS_ROWS } from './bad-input/params-rows.js';
import { FLOAT64_ROWS, SPEC_ROWS } from './bad-input/spec-rows.js';
import { rejection } from './rejected-call.js';

// Every row runs on a fresh backend, since some rows dispose it.
describe.each(TARGETS)('bad input on $label', (target) => {
  const rows = [BATCH_ROWS, CALL_ROWS, PARAMS_ROWS, SPEC_ROWS, DISPOSE_ROWS].flat();
  if (FLOAT32_ONLY.includes(target)) rows.push(...FLOAT64_ROWS);
  it.each(rows.map((row) => [row.name, row] as const))('%s', async (_, row: BadInput) => {
    const { spec, params, batch, learningRate } = seedNet(target.dtype);
    const backend = await started(target);
    try {
      const session = await backend.createSession(spec, params);
      const error = await rejection(() => row.call({ backend, session, dtype: target.dtype, params, batch }));
      expect(error).toBeInstanceOf(row.error);
      expect((error as Error).name).toBe(row.error.name);
      expect(error).toBeInstanceOf(OnegradError);
      const { parameter, message } = error as OnegradError;
      if (typeof row.parameter === 'string') expect(parameter).toBe(row.parameter);
      else expect(parameter).toMatch(row.parameter);
      expect(message.startsWith(`${parameter}: `)).toBe(true);
      for (const text of row.mentions) expect(message).toContain(text);
      if (row.disposes) return;
      // The rejected call changed nothing: same bits, and the next good step is a fresh session's.
      await expectUntouched(backend, session, params, batch, learningRate);
    } finally {
      await backend.dispose();
    }
  });
});
