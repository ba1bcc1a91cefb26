import { ACTIVATIONS, ALL_LOSSES, findActivation, findLoss } from '@onegrad/core';
import { ALL_DATASET_NAMES, DATASET_HELP } from '../lib/datasets.js';

/** `loss (after a, b)` for each loss, and its canonical pair, from core's descriptors. */
function lossLines(indent: string): string {
  return ALL_LOSSES.map((name) => {
    const d = findLoss(name);
    const after = d?.follows ? `after ${d.follows.join(' or ')}` : 'after any activation';
    const pair = d?.canonical ? `; canonical with ${d.canonical.activation}: ${d.canonical.dZ}` : '';
    return `${indent}${name.padEnd(8)} ${d?.gradA ?? ''} (${after}${pair})`;
  }).join('\n');
}

/** One line per activation with its local derivative, from core's descriptors. */
function activationLines(indent: string): string {
  return ACTIVATIONS.map((name) => {
    const d = findActivation(name);
    const where = d?.rowwise ? ` (output layer only, >= ${d.minUnits} units)` : '';
    return `${indent}${name.padEnd(8)} ${d?.derivative ?? ''}${where}`;
  }).join('\n');
}

/** The `--help` text. */
export function helpText(backends: readonly string[]): string {
  const indent = ' '.repeat(22);
  const sets = ALL_DATASET_NAMES.map((d) => `${indent}${d.padEnd(8)} ${DATASET_HELP[d]}`).join('\n');
  return `Usage: pnpm demo:cli [options]

Trains an onegrad network in this terminal, switches backends while it runs, and prints the output
layer of one step. For a sigmoid output that is the seed's trace (error = A2 - Y,
dA2 = error / (A2 (1 - A2)), dZ2 = dA2 * A2 (1 - A2)); for any other output activation it is the
backend's dA and dZ with the formulas of the activation and the loss, and whether the pair is
canonical (the two local derivatives cancel and dZ is computed fused) or not (dZ = dA times dA/dZ).

Options:
  --dataset NAME      what to fit (default seed; blobs3 with --loss cce):
${sets}
  --steps N           full-batch SGD steps (default 1000)
  --lr X              learning rate (default 0.5)
  --loss NAME         the loss on the output (default bce), with its unfused dl/dA:
${lossLines(indent)}
  --activations A,B   one activation per layer, hidden layers then output, or one name for every
                      layer (default sigmoid everywhere; with --loss cce, softmax on the output):
${activationLines(indent)}
                      A softmax output has one unit per class and one-hot targets.
  --dtype float32|float64   (default float32; tfjs computes in float32 only)
  --hidden 8,4        hidden layer widths (default 2 for seed, 8 otherwise)
  --seed N            seed of the data and of the initial weights (default 1)
  --backend ID        backend to start on: ${backends.join(', ')} (default ts)
  --switch S:ID,...   switch backend after step S, e.g. 300:onnx,600:tfjs
  --trace-step N      step whose trace is printed (default: the last)
  --no-progress       no progress bar
  -h, --help          this text

Example: pnpm demo:cli --loss cce --activations tanh,softmax --hidden 8 --steps 300

Exit codes: 0 done, 1 training failed, 2 bad arguments (an invalid activation and loss pair, or a
network a backend cannot run, included), 3 training diverged (lower --lr).
`;
}
