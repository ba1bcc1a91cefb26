/** One planned backend switch: at step `step`, training moves to backend `backend`. */
export interface PlannedSwitch {
  /** Step count (1-based, after that many steps) at which the switch happens. */
  readonly step: number;
  /** Id of the backend to move to. */
  readonly backend: string;
}

/**
 * Parses `300:onnx,600:tfjs` into switches sorted by step. Throws an Error with a one-line message
 * naming the bad part when a step is not a positive integer, a backend is unknown or steps repeat.
 */
export function parseSwitchSchedule(text: string, known: readonly string[]): PlannedSwitch[] {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const out = parts.map((part) => {
    const match = /^(\d+):([a-z0-9-]+)$/i.exec(part);
    if (!match) throw new Error(`'${part}' is not STEP:BACKEND (e.g. 300:onnx)`);
    const step = Number(match[1]);
    const backend = (match[2] as string).toLowerCase();
    if (!Number.isSafeInteger(step) || step < 1)
      throw new Error(`'${part}': the step must be a positive integer`);
    if (!known.includes(backend)) {
      throw new Error(`'${part}': unknown backend '${backend}' (choose from ${known.join(', ')})`);
    }
    return { step, backend };
  });
  out.sort((a, b) => a.step - b.step);
  out.forEach((s, i) => {
    if (i > 0 && out[i - 1]?.step === s.step) throw new Error(`two switches at step ${s.step}`);
  });
  return out;
}
