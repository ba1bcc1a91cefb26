import { parseArgs } from 'node:util';
import { type DType, isDType, type LossName } from '@onegrad/core';
import { DATASET_NAMES, type DatasetName, isDatasetName } from '../lib/datasets.js';
import { type PlannedSwitch, parseSwitchSchedule } from '../lib/switch-schedule.js';

/** A command line the CLI cannot run; main prints the message and exits with code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** What the CLI was asked to do. */
export interface CliOptions {
  readonly help: boolean;
  readonly dataset: DatasetName;
  readonly steps: number;
  readonly lr: number;
  readonly loss: LossName;
  readonly dtype: DType;
  readonly hidden: readonly number[];
  readonly seed: number;
  readonly backend: string;
  readonly switches: readonly PlannedSwitch[];
  /** The step whose trace is printed (1-based). */
  readonly traceStep: number;
  readonly progress: boolean;
}

function positiveInt(name: string, text: string, max = 1e7): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > max)
    throw new UsageError(`--${name} must be an integer from 1 to ${max}, got '${text}'`);
  return n;
}

/** Parses argv (without node and the script) against the known backend ids; throws UsageError. */
export function parseCliArgs(argv: readonly string[], backends: readonly string[]): CliOptions {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        help: { type: 'boolean', short: 'h' },
        dataset: { type: 'string', default: 'seed' },
        steps: { type: 'string', default: '1000' },
        lr: { type: 'string', default: '0.5' },
        loss: { type: 'string', default: 'bce' },
        dtype: { type: 'string', default: 'float32' },
        hidden: { type: 'string' },
        seed: { type: 'string', default: '1' },
        backend: { type: 'string', default: 'ts' },
        switch: { type: 'string', default: '' },
        'trace-step': { type: 'string' },
        'no-progress': { type: 'boolean' },
      },
    }));
  } catch (e) {
    throw new UsageError((e as Error).message.split('\n')[0] ?? String(e));
  }
  const str = (k: string) => String(values[k] ?? '');
  const dataset = str('dataset');
  if (!isDatasetName(dataset))
    throw new UsageError(`--dataset must be one of ${DATASET_NAMES.join(', ')}, got '${dataset}'`);
  const lr = Number(str('lr'));
  if (!Number.isFinite(lr) || lr <= 0 || str('lr').trim() === '') {
    throw new UsageError(`--lr must be a positive number, got '${str('lr')}'`);
  }
  const loss = str('loss');
  if (loss !== 'bce' && loss !== 'mse') throw new UsageError(`--loss must be bce or mse, got '${loss}'`);
  const dtype = str('dtype');
  if (!isDType(dtype)) throw new UsageError(`--dtype must be float32 or float64, got '${dtype}'`);
  const backend = str('backend');
  if (!backends.includes(backend))
    throw new UsageError(`--backend must be one of ${backends.join(', ')}, got '${backend}'`);
  const steps = positiveInt('steps', str('steps'));
  const hidden = (values.hidden === undefined ? (dataset === 'seed' ? '2' : '8') : str('hidden'))
    .split(',')
    .map((h) => positiveInt('hidden', h.trim(), 256));
  let switches: PlannedSwitch[];
  try {
    switches = parseSwitchSchedule(str('switch'), backends);
  } catch (e) {
    throw new UsageError(`--switch: ${(e as Error).message}`);
  }
  const late = switches.find((s) => s.step >= steps);
  if (late) throw new UsageError(`--switch: step ${late.step} is not before the last step (${steps})`);
  const traceStep =
    values['trace-step'] === undefined ? steps : positiveInt('trace-step', str('trace-step'), steps);
  return {
    help: values.help === true,
    dataset,
    steps,
    lr,
    loss,
    dtype,
    hidden,
    seed: positiveInt('seed', str('seed'), 2 ** 31),
    backend,
    switches,
    traceStep,
    progress: values['no-progress'] !== true,
  };
}
