import { parseArgs } from 'node:util';
import {
  type ActivationName,
  ALL_LOSSES,
  type DType,
  findActivation,
  isDType,
  type LossName,
  type NetworkSpec,
  SpecError,
  validateSpec,
  validateStepOptions,
} from '@onegrad/core';
import { ALL_DATASET_NAMES, type AnyDatasetName, classesOf, isAnyDatasetName } from '../lib/datasets.js';
import { MAX_WIDTH } from '../lib/hidden-sizes.js';
import { type PlannedSwitch, parseSwitchSchedule } from '../lib/switch-schedule.js';

/** A command line the CLI cannot run; main prints the message and exits with code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** What the CLI was asked to do. */
export interface CliOptions {
  readonly help: boolean;
  readonly dataset: AnyDatasetName;
  readonly steps: number;
  readonly lr: number;
  readonly loss: LossName;
  readonly dtype: DType;
  readonly hidden: readonly number[];
  /** One activation per layer (a single name is used on every layer); undefined: sigmoid everywhere. */
  readonly activations: readonly ActivationName[] | undefined;
  /** True when the targets are one-hot rows, one column per class (a softmax output). */
  readonly oneHot: boolean;
  /** The network, checked by core's `validateSpec`. */
  readonly spec: NetworkSpec;
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

/**
 * The activations of `--activations` for `layers` layers: one name per layer, or one name for every
 * layer. Without the flag, sigmoid everywhere (undefined), except that cce gets a softmax output.
 */
function activationsOf(
  text: string | boolean | undefined,
  layers: number,
  loss: LossName,
): ActivationName[] | undefined {
  if (typeof text !== 'string') {
    if (loss !== 'cce') return undefined;
    return [...Array.from({ length: layers - 1 }, () => 'sigmoid'), 'softmax'];
  }
  const names = text.split(',').map((n) => n.trim());
  return names.length === 1 ? Array.from({ length: layers }, () => names[0] as string) : names;
}

/**
 * `validateSpec(raw)`, with a SpecError turned into a UsageError naming the flag (`given`: the text of
 * `--activations`), the layer and, on the output layer, the activation and loss of the pair.
 */
function checkedSpec(
  raw: { sizes: number[]; loss: LossName; dtype: DType; activations: ActivationName[] | undefined },
  given: string | undefined,
): NetworkSpec {
  const { activations, ...rest } = raw;
  try {
    return validateSpec(activations === undefined ? rest : raw);
  } catch (e) {
    if (!(e instanceof SpecError)) throw e;
    const detail = e.message.startsWith(`${e.parameter}: `)
      ? e.message.slice(e.parameter.length + 2)
      : e.message;
    const layers = raw.sizes.length - 1;
    const flag = given === undefined ? `--loss ${raw.loss}` : `--activations ${given}`;
    const at = /^spec\.activations\[(\d+)\]$/.exec(e.parameter);
    if (at) {
      const l = Number(at[1]) + 1;
      const name = activations?.[l - 1];
      const where = l === layers ? `layer ${l} (output ${name}, loss ${raw.loss})` : `layer ${l} (${name})`;
      throw new UsageError(`${flag}: ${where}: ${detail}`);
    }
    if (e.parameter === 'spec.activations') {
      throw new UsageError(
        `${flag}: ${detail} (${layers - 1} hidden ${layers === 2 ? 'layer' : 'layers'} from --hidden, then the output)`,
      );
    }
    throw new UsageError(`${flag}: ${detail}`);
  }
}

/**
 * `argv` with `--flag -5` written `--flag=-5`: parseArgs takes a value that starts with a dash for an
 * option and refuses it as ambiguous, whereas a negative number is a value the checks below can name.
 */
function joinNegativeValues(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const next = argv[i + 1];
    if (/^--[a-z-]+$/.test(arg) && next !== undefined && /^-[\d.]/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

/** `--lr` as a number the session accepts in `dtype` (1e39 is Infinity in float32); throws UsageError. */
function learningRateOf(text: string, dtype: DType): number {
  const lr = Number(text);
  try {
    if (text.trim() === '') throw new Error('empty');
    validateStepOptions({ learningRate: lr }, 'options', dtype);
  } catch {
    const rounded = Number.isFinite(lr) && lr > 0 ? `, which is ${Math.fround(lr)} in ${dtype}` : '';
    throw new UsageError(`--lr must be a positive number, finite in ${dtype}, got '${text}'${rounded}`);
  }
  return lr;
}

/** Parses argv (without node and the script) against the known backend ids; throws UsageError. */
export function parseCliArgs(argv: readonly string[], backends: readonly string[]): CliOptions {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: joinNegativeValues(argv),
      strict: true,
      allowPositionals: false,
      options: {
        help: { type: 'boolean', short: 'h' },
        dataset: { type: 'string' },
        steps: { type: 'string', default: '1000' },
        lr: { type: 'string', default: '0.5' },
        loss: { type: 'string', default: 'bce' },
        dtype: { type: 'string', default: 'float32' },
        hidden: { type: 'string' },
        activations: { type: 'string' },
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
  const loss = str('loss');
  if (!ALL_LOSSES.includes(loss))
    throw new UsageError(`--loss must be one of ${ALL_LOSSES.join(', ')}, got '${loss}'`);
  const dataset = values.dataset === undefined ? (loss === 'cce' ? 'blobs3' : 'seed') : str('dataset');
  if (!isAnyDatasetName(dataset))
    throw new UsageError(`--dataset must be one of ${ALL_DATASET_NAMES.join(', ')}, got '${dataset}'`);
  const dtype = str('dtype');
  if (!isDType(dtype)) throw new UsageError(`--dtype must be float32 or float64, got '${dtype}'`);
  const lr = learningRateOf(str('lr'), dtype);
  const backend = str('backend');
  if (!backends.includes(backend))
    throw new UsageError(`--backend must be one of ${backends.join(', ')}, got '${backend}'`);
  const steps = positiveInt('steps', str('steps'));
  const hidden = (values.hidden === undefined ? (dataset === 'seed' ? '2' : '8') : str('hidden'))
    .split(',')
    .map((h) => positiveInt('hidden', h.trim(), MAX_WIDTH));
  const activations = activationsOf(values.activations, hidden.length + 1, loss);
  const output = activations?.at(-1);
  // A row-wise output (softmax) spreads each sample over one unit per class, as cce needs.
  const oneHot = loss === 'cce' || (output !== undefined && findActivation(output)?.rowwise === true);
  const classes = classesOf(dataset);
  if (classes > 2 && !oneHot) {
    throw new UsageError(
      `--dataset ${dataset} has ${classes} classes and one-hot targets: it needs a softmax output (e.g. --loss cce)`,
    );
  }
  const spec = checkedSpec(
    { sizes: [2, ...hidden, oneHot ? classes : 1], loss, dtype, activations },
    typeof values.activations === 'string' ? values.activations : undefined,
  );
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
    activations,
    oneHot,
    spec,
    seed: positiveInt('seed', str('seed'), 2 ** 31),
    backend,
    switches,
    traceStep,
    progress: values['no-progress'] !== true,
  };
}
