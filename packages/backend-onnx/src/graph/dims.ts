/** A dimension: a number is fixed, a string is symbolic (the batch). */
export type Dim = number | string;

/** The symbolic name of the batch dimension, so one compiled session serves every batch size. */
export const BATCH = 'batch';
