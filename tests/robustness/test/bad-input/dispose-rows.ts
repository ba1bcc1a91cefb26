import { DisposedError } from '@onegrad/core';
import { type BadInput, type BadInputContext, LR, type Row, rows } from './bad-input.js';

const afterDispose =
  (call: (c: BadInputContext) => Promise<unknown>): Row[1] =>
  (c) => {
    c.session.dispose();
    return call(c);
  };
const afterBackendDispose =
  (call: (c: BadInputContext) => Promise<unknown>): Row[1] =>
  async (c) => {
    await c.backend.dispose();
    return call(c);
  };

/** Calls on a disposed session or backend. */
export const DISPOSE_ROWS: readonly BadInput[] = [
  ...rows(
    DisposedError,
    'session',
    {
      'step after dispose': [['disposed'], afterDispose((c) => c.session.step(c.batch, LR))],
      'forward after dispose': [['disposed'], afterDispose((c) => c.session.forward(c.batch.x))],
      'getParams after dispose': [['disposed'], afterDispose((c) => c.session.getParams())],
      'setParams after dispose': [['disposed'], afterDispose((c) => c.session.setParams(c.params))],
    },
    true,
  ),
  ...rows(
    DisposedError,
    'backend',
    {
      'createSession after backend dispose': [
        ['disposed'],
        afterBackendDispose((c) => c.backend.createSession(c.session.spec, c.params)),
      ],
      'init after backend dispose': [['disposed'], afterBackendDispose((c) => c.backend.init())],
    },
    true,
  ),
  // A session of a disposed backend is disposed with it: the error may name either.
  ...rows(
    DisposedError,
    /^(session|backend)$/,
    {
      'step after backend dispose': [['disposed'], afterBackendDispose((c) => c.session.step(c.batch, LR))],
      'getParams after backend dispose': [['disposed'], afterBackendDispose((c) => c.session.getParams())],
    },
    true,
  ),
];
