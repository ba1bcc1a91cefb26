import { initParams, type NetworkSpec } from '@onegrad/core';
import { DATA_SEED, type Workload, workloadData } from '../workloads.js';
import { PlainMlp } from './plain-mlp.js';
import type { Runner } from './runner.js';

/** The textbook triple-loop network on Float32Arrays, from the same seeded parameters as onegrad. */
export async function plainLoopRunner(_row: unknown, w: Workload): Promise<Runner> {
  const spec: NetworkSpec = { sizes: w.sizes, loss: w.loss, dtype: 'float32' };
  const params = initParams(spec, DATA_SEED);
  const net = new PlainMlp(
    w.sizes,
    params.map((p) => p.W.data as Float32Array),
    params.map((p) => p.b.data as Float32Array),
  );
  const { x, y } = workloadData(w, 'float32');
  const xs = x.data as Float32Array;
  const ys = y.data as Float32Array;
  return { step: () => net.step(xs, ys, w.batch, w.learningRate), dispose: () => {} };
}
