import { OnegradError } from '@onegrad/core';

/** A case selection (`only`, `--cases`) or a skip key that matches no case: a run that would prove nothing. */
export class SelectionError extends OnegradError {}
