#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type NetworkSpec, OnegradError, SpecError, validateSpec } from '@onegrad/core';
import { specTag } from './graph/index.js';
import { saveTrainingGraph } from './node.js';

const USAGE = `usage: onegrad-onnx-graph <sizes> [--activations a1,a2,...] [--loss bce|mse|cce]
       [--dtype float32|float64] [--trace] [--out file]

Writes the ONNX training step of an MLP (sigmoid on every layer unless --activations names one per
layer), e.g. \`onegrad-onnx-graph 2,2,1 --trace\` or \`onegrad-onnx-graph 4,8,3 --activations tanh,softmax
--loss cce\`, to open in a graph viewer such as Netron. Default file: step-<sizes>-<loss>-<dtype>.onnx,
with the activations after the sizes when given.`;

/**
 * One width as written: decimal digits only, so `1e300`, `0x10` and `1.5` are refused, and a number
 * too large to hold exactly (2^53 + 1) is refused as written rather than rounded.
 */
function width(text: string, i: number): number {
  const n = Number(text);
  if (!/^[0-9]+$/.test(text) || !Number.isSafeInteger(n)) {
    throw new SpecError(`spec.sizes[${i}]`, `expected an integer >= 1 in decimal digits, got '${text}'`);
  }
  return n;
}

/** Parses the command line, writes the graph and returns the path written. */
export async function main(argv: readonly string[]): Promise<string> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      activations: { type: 'string' },
      loss: { type: 'string', default: 'bce' },
      dtype: { type: 'string', default: 'float32' },
      trace: { type: 'boolean', default: false },
      out: { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw new Error(USAGE);
  const sizes = (positionals[0] as string).split(',').map(width);
  const activations = values.activations?.split(',');
  const spec: NetworkSpec = validateSpec({ sizes, loss: values.loss, dtype: values.dtype, activations });
  const path = values.out ?? `step-${specTag(spec).replaceAll('_', '-')}${values.trace ? '-trace' : ''}.onnx`;
  await saveTrainingGraph(spec, path, { trace: values.trace });
  return path;
}

// Run only as a program (also through an npm bin symlink), so tests can import `main`.
if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (path) => console.log(`wrote ${path}`),
    (error: unknown) => {
      console.error(error instanceof OnegradError || error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
