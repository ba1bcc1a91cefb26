import { allocate, dtypeOf } from './dtype.js';
import { FitOptionsError } from './errors.js';
import type { FitEpoch, FitHistory, FitOptions } from './fit-options.js';
import { seededRandom } from './init.js';
import type { Matrix } from './matrix.js';
import type { NetworkSpec } from './network-spec.js';
import { hasOutputCost, outputCost } from './output-cost.js';
import type { Batch, TrainingSession } from './session.js';
import { MAX_TRAIN_STEPS } from './train-options.js';
import { snapshotBatch, snapshotStepOptions } from './validate-step.js';

// A full batch without validation runs its epochs in at most this many calls, so progress and abort
// arrive about every 1% of the run while each call can take many steps.
const FULL_BATCH_CALLS = 100;

/** The options after checking, with defaults filled in. */
interface Plan {
  readonly learningRate: number;
  readonly epochs: number;
  readonly batchSize: number;
  readonly shuffle: boolean;
  readonly seed: number;
  readonly validation?: Batch | undefined;
  readonly onEpoch?: FitOptions['onEpoch'] | undefined;
  readonly onStep?: FitOptions['onStep'] | undefined;
  readonly signal?: AbortSignal | undefined;
}

/**
 * Trains `session` on `data` for `options.epochs` passes of SGD, in mini-batches of `batchSize` rows
 * (shuffled with a seeded generator) or one full batch per epoch, and returns the costs. The data and
 * the options are read once, when fit is called; bad options throw before any step (LearningRateError,
 * FitOptionsError, or the batch errors of `step` naming `data` or `options.validation`). A step that
 * rejects (DivergenceError, an engine failure) rejects fit, with the parameters of the last good step.
 */
export async function fit(session: TrainingSession, data: Batch, options: FitOptions): Promise<FitHistory> {
  const spec = session.spec;
  const train = snapshotBatch(spec, data, 'data');
  const plan = planOf(spec, options, train.x.rows);
  const validation = plan.validation && snapshotBatch(spec, plan.validation, 'options.validation');
  const m = train.x.rows;
  const stepsPerEpoch = Math.ceil(m / plan.batchSize);
  const history = {
    loss: new Float64Array(plan.epochs),
    validationLoss: validation && new Float64Array(plan.epochs),
    stepLoss: new Float64Array(plan.epochs * stepsPerEpoch),
    diverging: false,
  };
  const endEpoch = async (epoch: number, loss: number): Promise<void> => {
    history.loss[epoch] = loss;
    let validationLoss: number | undefined;
    if (validation) {
      validationLoss = outputCost(spec.loss, await session.forward(validation.x), validation.y);
      (history.validationLoss as Float64Array)[epoch] = validationLoss;
    }
    const progress: FitEpoch = {
      epoch,
      epochs: plan.epochs,
      loss,
      validationLoss,
      diverging: history.diverging,
    };
    await plan.onEpoch?.(progress);
  };
  const endStep = async (epoch: number, step: number, loss: number): Promise<void> => {
    history.stepLoss[epoch * stepsPerEpoch + step] = loss;
    await plan.onStep?.({ epoch, step, steps: stepsPerEpoch, loss });
  };

  if (stepsPerEpoch === 1) {
    const chunk = validation ? 1 : Math.min(Math.ceil(plan.epochs / FULL_BATCH_CALLS), MAX_TRAIN_STEPS);
    for (let epoch = 0; epoch < plan.epochs; ) {
      plan.signal?.throwIfAborted();
      const n = Math.min(chunk, plan.epochs - epoch);
      const run = await fullBatchSteps(session, train, plan.learningRate, n);
      history.diverging ||= run.diverging;
      for (let i = 0; i < n; i++, epoch++) {
        const loss = run.losses[i] as number;
        await endStep(epoch, 0, loss);
        await endEpoch(epoch, loss);
      }
    }
  } else {
    const random = seededRandom(plan.seed);
    const order = Array.from({ length: m }, (_, i) => i);
    for (let epoch = 0; epoch < plan.epochs; epoch++) {
      if (plan.shuffle) shuffleInPlace(order, random);
      let weighted = 0;
      for (let step = 0; step < stepsPerEpoch; step++) {
        plan.signal?.throwIfAborted();
        const rows = order.slice(step * plan.batchSize, (step + 1) * plan.batchSize);
        const batch = { x: pickRows(train.x, rows), y: pickRows(train.y, rows) };
        const result = await session.step(batch, { learningRate: plan.learningRate });
        history.diverging ||= result.diverging;
        weighted += result.loss * rows.length;
        await endStep(epoch, step, result.loss);
      }
      await endEpoch(epoch, weighted / m);
    }
  }
  return history;
}

/** `steps` SGD steps on the whole batch in one call: the step costs (each before its update) and any divergence. */
function fullBatchSteps(
  session: TrainingSession,
  batch: Batch,
  learningRate: number,
  steps: number,
): Promise<{ losses: Float64Array; diverging: boolean }> {
  return session.train(batch, { learningRate, steps });
}

/** Checks every option before any step; throws naming the option and the value. */
function planOf(spec: NetworkSpec, options: FitOptions, rows: number): Plan {
  const { learningRate } = snapshotStepOptions(options, 'options', spec.dtype);
  const { epochs, batchSize, shuffle, seed, validation, onEpoch, onStep, signal } = options;
  if (!isCount(epochs))
    throw new FitOptionsError('options.epochs', `expected a positive integer, got ${epochs}`);
  if (batchSize !== undefined && !isCount(batchSize)) {
    throw new FitOptionsError('options.batchSize', `expected a positive integer, got ${batchSize}`);
  }
  if (shuffle !== undefined && typeof shuffle !== 'boolean') {
    throw new FitOptionsError('options.shuffle', `expected a boolean, got ${String(shuffle)}`);
  }
  if (seed !== undefined && !Number.isSafeInteger(seed)) {
    throw new FitOptionsError('options.seed', `expected an integer, got ${seed}`);
  }
  for (const [name, f] of [
    ['onEpoch', onEpoch],
    ['onStep', onStep],
  ] as const) {
    if (f !== undefined && typeof f !== 'function') {
      throw new FitOptionsError(`options.${name}`, `expected a function, got ${String(f)}`);
    }
  }
  if (signal !== undefined && !(typeof signal === 'object' && signal !== null && 'aborted' in signal)) {
    throw new FitOptionsError('options.signal', `expected an AbortSignal, got ${String(signal)}`);
  }
  if (validation !== undefined && !hasOutputCost(spec.loss)) {
    throw new FitOptionsError(
      'options.validation',
      `fit computes the validation cost of bce, mse and cce only, not '${spec.loss}'`,
    );
  }
  return {
    learningRate,
    epochs,
    batchSize: Math.min(batchSize ?? rows, rows),
    shuffle: shuffle ?? true,
    seed: seed ?? 1,
    validation,
    onEpoch,
    onStep,
    signal,
  };
}

const isCount = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 1;

/** Fisher-Yates with the seeded generator. */
function shuffleInPlace(order: number[], random: () => number): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
}

/** The rows `rows` of `m`, in that order, as a new matrix of its dtype. */
function pickRows(m: Matrix, rows: readonly number[]): Matrix {
  const data = allocate(dtypeOf(m.data), rows.length * m.cols);
  rows.forEach((r, i) => {
    data.set(m.data.subarray(r * m.cols, (r + 1) * m.cols), i * m.cols);
  });
  return { rows: rows.length, cols: m.cols, data };
}
