import { nonFiniteIndices, type StepResult } from '@onegrad/core';
import type { Arithmetic } from '../error-model/arithmetic.js';
import { activationReference, lossReference } from '../reference/registry.js';
import { compareMatrix, type Where, whereText } from './compare-matrix.js';
import { compareOutputUnfusedGrad } from './compare-output-grad.js';
import { boundOf } from './expected.js';
import type { ExpectedStep } from './expected-step.js';
import { gateUndetermined } from './kinks.js';
import type { Tally } from './tally.js';

/**
 * Compares one traced step with the reference: every layer's Z, A, dA (with `dANonFinite`), dZ,
 * dW, db, the cost (both `result.loss` and `trace.loss`), `fusedOutput` and the updated parameters.
 */
export function compareStep(
  tally: Tally,
  result: StepResult,
  expected: ExpectedStep,
  arith: Arithmetic,
  where: Where,
): void {
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
      tally,
      'loss',
      undefined,
      { rows: 1, cols: 1, data: Float64Array.of(loss) },
      expected.cost,
      arith,
      where,
      false,
    );
  }
  expected.layers.forEach((want, l) => {
    const got = trace.layers[l];
    const layer = l + 1;
    if (!got) return;
    compareMatrix(tally, 'Z', layer, got.z, want.z, arith, where);
    compareMatrix(tally, 'A', layer, got.a, want.a, arith, where);
    if (l === L - 1 && unfused && got.dA) {
      compareOutputUnfusedGrad(unfused, tally, layer, got.dA, want.dA, want.a, expected.y, arith, where);
    } else {
      compareMatrix(tally, 'dA', layer, got.dA, want.dA, arith, where);
    }
    if (got.dA)
      checkNonFiniteFlags(tally, layer, got.dANonFinite, nonFiniteIndices(got.dA), got.dA.cols, where);
    compareMatrix(tally, 'dZ', layer, got.dZ, want.dZ, arith, where);
    compareMatrix(tally, 'dW', layer, got.dW, want.dW, arith, where);
    compareMatrix(tally, 'db', layer, got.db, want.db, arith, where);
    const updated = expected.params[l] as ExpectedStep['params'][number];
    compareMatrix(tally, 'W', layer, trace.params[l]?.W, updated.W, arith, where);
    compareMatrix(tally, 'b', layer, trace.params[l]?.b, updated.b, arith, where);
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
