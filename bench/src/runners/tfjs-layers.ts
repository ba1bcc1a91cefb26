import { initParams } from '@onegrad/core';
import type * as TfModule from '@tensorflow/tfjs';
import type { RowSpec } from '../types.js';
import { DATA_SEED, type Workload, workloadActivations, workloadData, workloadSpec } from '../workloads.js';
import type { Runner } from './runner.js';

type Tf = typeof TfModule;

async function loadTf(engine: RowSpec['engine']): Promise<Tf> {
  const mod = await import('@tensorflow/tfjs');
  // Node loads tfjs's CommonJS bundle, whose namespace may hold the API under `default` only.
  const tf = (typeof mod.tensor === 'function' ? mod : mod.default) as Tf;
  const name = engine === 'tfjs-wasm' ? 'wasm' : 'cpu';
  if (name === 'wasm') await import('@tensorflow/tfjs-backend-wasm');
  if (!(await tf.setBackend(name))) throw new Error(`the tfjs ${name} backend failed to start`);
  // The cpu backend's first tensor prints advice to install tfjs-node; PROD silences only that.
  tf.env().set('PROD', true);
  tf.scalar(0).dispose();
  tf.env().set('PROD', false);
  return tf;
}

/** tfjs Layers' name of each onegrad activation. */
const LAYER_ACTIVATIONS = {
  sigmoid: 'sigmoid',
  tanh: 'tanh',
  relu: 'relu',
  identity: 'linear',
  softmax: 'softmax',
} as const;

/** tfjs Layers' name of each onegrad loss. */
const LAYER_LOSSES = {
  bce: 'binaryCrossentropy',
  mse: 'meanSquaredError',
  cce: 'categoricalCrossentropy',
} as const;

/**
 * The tfjs Layers API as its guide teaches it: `tf.sequential` of dense layers with the workload's
 * activations (sigmoid; relu then softmax for W5), `sgd(lr)`, binary or categorical cross-entropy, one
 * `trainOnBatch` per step (it awaits the loss, as onegrad's step does). The weights start from the
 * same seeded values as onegrad's.
 */
export async function tfjsLayersRunner(row: RowSpec, w: Workload): Promise<Runner> {
  const tf = await loadTf(row.engine);
  const spec = workloadSpec(w, 'float32');
  const activations = workloadActivations(w);
  const loss = LAYER_LOSSES[w.loss as keyof typeof LAYER_LOSSES];
  if (loss === undefined) throw new Error(`tfjs Layers has no loss for ${w.loss}`);
  const model = tf.sequential();
  for (let l = 1; l < w.sizes.length; l++) {
    const units = w.sizes[l] as number;
    const name = activations[l - 1] as string;
    const activation = LAYER_ACTIVATIONS[name as keyof typeof LAYER_ACTIVATIONS];
    if (activation === undefined) throw new Error(`tfjs Layers has no activation for ${name}`);
    const config = { units, activation };
    model.add(tf.layers.dense(l === 1 ? { ...config, inputShape: [w.sizes[0] as number] } : config));
  }
  model.compile({ optimizer: tf.train.sgd(w.learningRate), loss });
  const weights = initParams(spec, DATA_SEED).flatMap((p) => [
    tf.tensor2d(p.W.data as Float32Array, [p.W.rows, p.W.cols]),
    tf.tensor1d(p.b.data as Float32Array),
  ]);
  model.setWeights(weights);
  tf.dispose(weights);
  const { x, y } = workloadData(w, 'float32');
  const xs = tf.tensor2d(x.data as Float32Array, [x.rows, x.cols]);
  const ys = tf.tensor2d(y.data as Float32Array, [y.rows, y.cols]);
  return {
    step: () => model.trainOnBatch(xs, ys),
    dispose: () => {
      tf.dispose([xs, ys]);
      model.dispose();
    },
  };
}
