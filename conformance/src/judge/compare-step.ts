import { nonFiniteIndices, type StepResult } from '@onegrad/core';
import type { Arithmetic } from '../error-model/arithmetic.js';
import { activationReference, lossReference } from '../reference/registry.js';
import { type Comparison, compareMatrix, type Where, whereText } from './compare-matrix.js';
import { compareOutputUnfusedGrad } from './compare-output-grad.js';
import { boundOf } from './expected.js';
import type { ExpectedStep } from './expected-step.js';
import { gateUndetermined } from './kinks.js';
import type { Tally } from './tally.js';

/**
 * Compares one traced step with the reference: every layer's Z, A, dA (with `dANonFinite`), dZ,
 * dW, db, the cost (both `result.loss` and `trace.loss`), `fusedOutput` and the updated parameters.
 */
export function compareStep(c: Comparison, result: StepResult, expected: ExpectedStep): void {
  const { tally, arith, where } = c;
  const trace = result.trace;
  const at = whereText(where);
  if (!trace) {
    tally.problems.push(`${at}: step(batch, { trace: true }) returned no trace`);
    return;
  }
  const L = expected.layers.length;
  if (trace.layers?.length !== L || trace.params?.length !== L) {
    tally.problems.push(`${at}: the trace should have ${L} layers and ${L} parameter sets`);
    return;
  }
  if (trace.fusedOutput !== expected.fused) {
    const pair = `${expected.activations.at(-1)} + ${expected.loss}`;
    tally.problems.push(`${at}: fusedOutput is ${trace.fusedOutput}; ${pair} should give ${expected.fused}`);
  }
  checkKinks(tally, expected, arith, at);
  const unfused = lossReference(expected.loss).unfused;
  for (const loss of [result.loss, trace.loss]) {
    compareMatrix(
      c,
      'loss',
      undefined,
      { rows: 1, cols: 1, data: Float64Array.of(loss) },
      expected.cost,
      false,
    );
  }
  expected.layers.forEach((want, l) => {
    const got = trace.layers[l];
    const layer = l + 1;
    if (!got) return;
    compareMatrix(c, 'Z', layer, got.z, want.z);
    compareMatrix(c, 'A', layer, got.a, want.a);
    if (l === L - 1 && unfused && got.dA) {
      compareOutputUnfusedGrad(c, unfused, layer, got.dA, { dA: want.dA, a: want.a, y: expected.y });
    } else {
      compareMatrix(c, 'dA', layer, got.dA, want.dA);
    }
    if (got.dA)
      checkNonFiniteFlags(tally, layer, got.dANonFinite, nonFiniteIndices(got.dA), got.dA.cols, where);
    compareMatrix(c, 'dZ', layer, got.dZ, want.dZ);
    compareMatrix(c, 'dW', layer, got.dW, want.dW);
    compareMatrix(c, 'db', layer, got.db, want.db);
    const updated = expected.params[l] as ExpectedStep['params'][number];
    compareMatrix(c, 'W', layer, trace.params[l]?.W, updated.W);
    compareMatrix(c, 'b', layer, trace.params[l]?.b, updated.b);
  });
}

/** `dANonFinite` must list exactly the non-finite indices of dA, in any order, without repeats. */
function checkNonFiniteFlags(
  tally: Tally,
  layer: number,
  flagged: readonly number[] | undefined,
  actual: number[],
  cols: number,
  where: Where,
): void {
  const listed = [...(flagged ?? [])].sort((p, q) => p - q);
  if (listed.length === actual.length && listed.every((v, i) => v === actual[i])) return;
  const index = actual.find((i) => !listed.includes(i)) ?? listed.find((i) => !actual.includes(i)) ?? 0;
  tally.record({
    case: where.case,
    ...(where.step === undefined ? {} : { step: where.step }),
    quantity: 'dA',
    layer,
    row: Math.floor(index / cols),
    col: index % cols,
    got: Number.NaN,
    want: Number.NaN,
    bound: 0,
    ratio: Number.POSITIVE_INFINITY,
    expected: 'dANonFinite to list exactly the non-finite elements',
    note: `dANonFinite is [${listed.join(', ')}] but the non-finite elements of dA are [${actual.join(', ')}]`,
  });
}

/**
 * Where f' jumps (relu at 0), a reference Z within its error bound of the jump (see gateUndetermined)
 * leaves the gate, and every gradient below it, undetermined by the error model: reported as a
 * problem of the case, never as a ratio.
 */
function checkKinks(tally: Tally, expected: ExpectedStep, arith: Arithmetic, at: string): void {
  expected.layers.forEach((layer, l) => {
    const kinks = activationReference(expected.activations[l] ?? 'sigmoid').kinks ?? [];
    for (const kink of kinks) {
      for (let i = 0; i < layer.z.hi.length; i++) {
        if (gateUndetermined(layer.z, i, kink, arith.u, arith.floor)) {
          const bound = boundOf(layer.z, i, arith.u, arith.floor);
          const cell = `(${Math.floor(i / layer.z.cols)}, ${i % layer.z.cols})`;
          tally.problems.push(
            `${at}: Z[layer ${l + 1}]${cell} lies within its bound ${bound} of the kink of ${expected.activations[l]} at ${kink}: the gradient below it is not determined`,
          );
        }
      }
    }
  });
}
