/** A core error class, matched by identity or, for a second copy of core, by name. */
export interface ErrorClass {
  readonly name: string;
  readonly prototype: Error;
}

/** True when `e` is an instance of `cls`, or of a class of the same name from another copy of core. */
export function isErrorOf(e: unknown, cls: ErrorClass): boolean {
  if (e instanceof (cls as unknown as new () => Error)) return true;
  for (let p = e as object | null; p; p = Object.getPrototypeOf(p))
    if ((p as { constructor?: { name?: string } }).constructor?.name === cls.name) return true;
  return false;
}

const describeError = (e: unknown): string => {
  const err = e as { name?: string; message?: string; parameter?: unknown };
  return `${err?.name ?? typeof e}${err?.parameter === undefined ? '' : ` (parameter ${String(err.parameter)})`}: ${err?.message ?? String(e)}`;
};

/**
 * Calls `call` and checks that it rejects (a synchronous throw counts, but is named) with `cls`
 * whose `parameter` is `parameter` or starts with it followed by `.` or `[`. Returns the problem in
 * words, or undefined when the call was rejected as the contract says.
 */
export async function rejectionProblem(
  what: string,
  call: () => Promise<unknown>,
  cls: ErrorClass,
  parameter?: string,
): Promise<string | undefined> {
  let promise: Promise<unknown>;
  try {
    promise = call();
  } catch (error) {
    const wrong = classProblem(what, error, cls, parameter);
    return `${what}: threw synchronously instead of returning a rejected promise${wrong ? `; ${wrong}` : ''}`;
  }
  try {
    await promise;
  } catch (error) {
    return classProblem(what, error, cls, parameter);
  }
  return `${what}: resolved; expected a rejection with ${cls.name}${parameter ? ` naming ${parameter}` : ''}`;
}

function classProblem(what: string, error: unknown, cls: ErrorClass, parameter?: string): string | undefined {
  if (!isErrorOf(error, cls)) return `${what}: expected ${cls.name}, got ${describeError(error)}`;
  if (parameter === undefined) return undefined;
  const p = (error as { parameter?: unknown }).parameter;
  const names =
    typeof p === 'string' &&
    (p === parameter || p.startsWith(`${parameter}.`) || p.startsWith(`${parameter}[`));
  return names
    ? undefined
    : `${what}: ${cls.name} should name the parameter ${parameter}, got ${describeError(error)}`;
}
