import { DATASET_HELP, DATASET_NAMES } from '../lib/datasets.js';

/** The `--help` text. */
export function helpText(backends: readonly string[]): string {
  const sets = DATASET_NAMES.map((d) => `                      ${d.padEnd(8)} ${DATASET_HELP[d]}`).join('\n');
  return `Usage: pnpm demo:cli [options]

Trains onegrad's sigmoid network in this terminal, switches backends while it runs, and prints
the seed's trace (error = A2 - Y, dA2 = error / (A2 (1 - A2)), dZ2 = dA2 * A2 (1 - A2)) for one step.

Options:
  --dataset NAME      what to fit (default seed):
${sets}
  --steps N           full-batch SGD steps (default 1000)
  --lr X              learning rate (default 0.5)
  --loss bce|mse      cross-entropy or squared error (default bce)
  --dtype float32|float64   (default float32; tfjs computes in float32 only)
  --hidden 8,4        hidden layer widths (default 2 for seed, 8 otherwise)
  --seed N            seed of the data and of the initial weights (default 1)
  --backend ID        backend to start on: ${backends.join(', ')} (default ts)
  --switch S:ID,...   switch backend after step S, e.g. 300:onnx,600:tfjs
  --trace-step N      step whose trace is printed (default: the last)
  --no-progress       no progress bar
  -h, --help          this text

Exit codes: 0 done, 1 training failed, 2 bad arguments.
`;
}
