import type { Backend, Batch, DType, Matrix, OnegradError, Params, TrainingSession } from '@onegrad/core';
import { matrix } from '@onegrad/core';

/** What a bad call gets: a live session of the seed network on the backend under test. */
export interface BadInputContext {
  readonly backend: Backend;
  readonly session: TrainingSession;
  readonly dtype: DType;
  readonly params: Params;
  readonly batch: Batch;
}

/** An error class the table expects. */
export type ErrorClass = abstract new (...args: never[]) => OnegradError;

/** One invalid call, the error it must raise, and what its message must mention. */
export interface BadInput {
  readonly name: string;
  readonly error: ErrorClass;
  /** The error's `parameter`; a pattern where backends may name either of two equally right arguments. */
  readonly parameter: string | RegExp;
  /** Substrings of the message: the shapes and the offending value. */
  readonly mentions: readonly string[];
  readonly call: (ctx: BadInputContext) => Promise<unknown>;
  /** True when the call leaves no session to read the parameters back from. */
  readonly disposes?: boolean;
}

/** A row's message substrings and its call. */
export type Row = readonly [mentions: readonly string[], call: BadInput['call']];

/** Rows sharing one error class and parameter, keyed by name. */
export function rows(
  error: ErrorClass,
  parameter: string | RegExp,
  table: Readonly<Record<string, Row>>,
  disposes = false,
): BadInput[] {
  return Object.entries(table).map(([name, [mentions, call]]) => ({
    name,
    error,
    parameter,
    mentions,
    call,
    ...(disposes ? { disposes } : {}),
  }));
}

/** The seed's learning rate, for calls whose options are fine. */
export const LR = { learningRate: 0.1 };

/** A float64 matrix, by default of the seed's x shape (2x2). */
export const m = (values: number[], rows = 2, cols = 2): Matrix => matrix(rows, cols, values);

/** `values` with element `index` replaced by `value`. */
export const poke = (values: number[], index: number, value: number): number[] =>
  values.map((v, i) => (i === index ? value : v));

/** The context's parameters with the last element of layer `layer`'s `key` set to `value`. */
export function poisoned(c: BadInputContext, layer: number, key: 'W' | 'b', value: number): Params {
  return c.params.map((p, l) => {
    if (l !== layer) return p;
    const data = p[key].data.slice();
    data[data.length - 1] = value;
    return { ...p, [key]: { ...p[key], data } };
  });
}
