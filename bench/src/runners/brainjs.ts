import type { Workload } from '../workloads.js';
import { workloadData } from '../workloads.js';
import type { Runner } from './runner.js';

/** A training sample in brain.js's format. */
interface Sample {
  input: number[] | Float32Array;
  output: number[] | Float32Array;
}

/** The part of brain.js 1.x's NeuralNetwork this benchmark uses. */
interface BrainNet {
  train(data: Sample[], options: Record<string, unknown>): unknown;
  formatData(data: Sample[]): Sample[];
  calculateTrainingError(data: Sample[]): number;
  trainOpts: { momentum: number };
}

type BrainModule = { NeuralNetwork: new (options: Record<string, unknown>) => BrainNet };

/** Rows of a flat row-major matrix as plain arrays, one per sample. */
function rowsOf(data: ArrayLike<number>, rows: number, cols: number): number[][] {
  return Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => data[i * cols + j] ?? 0),
  );
}

/**
 * brain.js's NeuralNetwork with sigmoid layers and plain SGD (momentum 0). One step is one epoch over
 * the batch, exactly what its `train` runs per iteration (`calculateTrainingError`): for each sample
 * in turn a forward pass, deltas of squared error, and an update, so it makes `batch` updates per
 * step where onegrad makes one, and its loss is squared error, not cross-entropy. The data are
 * converted to its Float32Array format once, outside the timed step.
 */
export async function brainjsRunner(_row: unknown, w: Workload): Promise<Runner> {
  const mod = (await import('brain.js')) as unknown as BrainModule & { default?: BrainModule };
  const { NeuralNetwork } = mod.default ?? mod;
  const net = new NeuralNetwork({ hiddenLayers: w.sizes.slice(1, -1), activation: 'sigmoid' });
  const { x, y } = workloadData(w, 'float32');
  const n0 = w.sizes[0] as number;
  const nL = w.sizes[w.sizes.length - 1] as number;
  const inputs = rowsOf(x.data, w.batch, n0);
  const outputs = rowsOf(y.data, w.batch, nL);
  const data = inputs.map((input, i) => ({ input, output: outputs[i] ?? [] }));
  // One real `train` call sizes and initialises the network and sets the training options.
  net.train(data, { iterations: 1, learningRate: w.learningRate });
  // Its option check refuses momentum 0; plain SGD is momentum 0, set where training reads it.
  net.trainOpts.momentum = 0;
  const formatted = net.formatData(data);
  return { step: () => net.calculateTrainingError(formatted), dispose: () => {} };
}
