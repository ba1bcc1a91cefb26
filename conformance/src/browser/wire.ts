/** One call to an object living in the page: a backend or session by id, a method and its arguments. */
export interface PageCall {
  /** Id of the backend or session (the page's registry). */
  readonly id: number;
  /** Method name: `create`, `init`, `createSession`, `forward`, `step`, `train`, `getParams`, `setParams`, `dispose`. */
  readonly method: string;
  /** The arguments, as playwright serialises them (typed arrays, NaN, -0 and undefined survive bit for bit). */
  readonly args: readonly unknown[];
}

/** An error thrown in the page, by its class name, message and (for core's errors) parameter. */
export interface PageError {
  readonly name: string;
  readonly message: string;
  readonly parameter?: string;
  /** A DivergenceError's refused step and the costs of the steps applied before it. */
  readonly step?: number;
  readonly losses?: Float64Array;
}

/** What a page call settles with: the method's value or its error. */
export type PageReply =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly error: PageError };

/** One engine the page offers: its name, what it declares, and either its info or why it cannot run. */
export interface PageEngine {
  readonly name: string;
  /** The engine flushes subnormal results to zero (a declared deviation, checked by the suite). */
  readonly flushesSubnormals: boolean;
  /** An engine the run tries: not starting is reported with its reason, not as a failure. */
  readonly tried: boolean;
  /** `info` of the initialised backend, or undefined when it could not start. */
  readonly info?: { readonly name: string; readonly engine: string; readonly dtypes: readonly string[] };
  /** Why the engine cannot run in this browser, as measured when it was started. */
  readonly unavailable?: string;
}

/** The global the page installs for the Node side. */
export const HOST_GLOBAL = '__onegradConformanceHost';
