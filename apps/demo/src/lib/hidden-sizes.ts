/** The widest hidden layer the page and the CLI accept. */
export const MAX_WIDTH = 256;

/** The most hidden layers the page accepts (its graph draws every layer). */
export const MAX_HIDDEN_LAYERS = 4;

/**
 * Parses `8, 4` into hidden widths: 1 to {@link MAX_HIDDEN_LAYERS} integers from 1 to {@link MAX_WIDTH}.
 * Throws a RangeError whose message names the offending part.
 */
export function parseHiddenSizes(text: string): number[] {
  const parts = text.split(/[\s,]+/).filter((p) => p !== '');
  if (parts.length === 0) throw new RangeError('give at least one width, e.g. 8 or 8, 4');
  if (parts.length > MAX_HIDDEN_LAYERS)
    throw new RangeError(`at most ${MAX_HIDDEN_LAYERS} hidden layers, got ${parts.length}`);
  return parts.map((p) => {
    const n = Number(p);
    if (!/^\d+$/.test(p) || n < 1 || n > MAX_WIDTH)
      throw new RangeError(`each width must be an integer from 1 to ${MAX_WIDTH}, got '${p}'`);
    return n;
  });
}
