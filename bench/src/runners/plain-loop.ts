import { initParams } from '@onegrad/core';
import { DATA_SEED, type Workload, workloadActivations, workloadData, workloadSpec } from '../workloads.js';
import { type PlainActivation, type PlainLoss, PlainMlp } from './plain-mlp.js';
import type { Runner } from './runner.js';

const ACTIVATIONS: readonly string[] = ['sigmoid', 'relu', 'softmax'] satisfies PlainActivation[];
const LOSSES: readonly string[] = ['bce', 'cce'] satisfies PlainLoss[];

/** The textbook triple-loop network on Float32Arrays, from the same seeded parameters as onegrad. */
export async function plainLoopRunner(_row: unknown, w: Workload): Promise<Runner> {
  const spec = workloadSpec(w, 'float32');
  const activations = workloadActivations(w);
  const unknown = [...activations, w.loss].find((n) => !ACTIVATIONS.includes(n) && !LOSSES.includes(n));
  if (unknown !== undefined) throw new Error(`the plain loop has no ${unknown}`);
  const params = initParams(spec, DATA_SEED);
  const net = new PlainMlp(
    w.sizes,
    params.map((p) => p.W.data as Float32Array),
    params.map((p) => p.b.data as Float32Array),
    activations as readonly PlainActivation[],
    w.loss as PlainLoss,
  );
  const { x, y } = workloadData(w, 'float32');
  const xs = x.data as Float32Array;
  const ys = y.data as Float32Array;
  return { step: () => net.step(xs, ys, w.batch, w.learningRate), dispose: () => {} };
}
