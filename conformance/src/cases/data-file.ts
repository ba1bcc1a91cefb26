import { type ExpectedMatrix, expectedMatrix } from '../judge/expected.js';
import type { ExpectedStep } from '../judge/expected-step.js';
import type { BoundedMatrix } from '../reference/bounded.js';
import { fusedOutputOf, type ReferenceStep } from '../reference/step.js';
import type { PlainMatrix, Problem } from './problem.js';

/** Identifies the format of a stored reference step. */
export const DATA_FORMAT = 'onegrad-conformance-step/1';

/** Significant digits of stored reference values. */
export const STORED_DIGITS = 30;

/** A stored matrix: values as decimal strings, coefficients rounded up to 5 significant digits. */
export interface StoredMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly v: readonly string[];
  readonly m: readonly number[];
  readonly f: readonly number[];
}

/** A stored case: the problem and the reference step with its bound coefficients. */
export interface DataFile {
  readonly format: string;
  readonly id: string;
  readonly problem: Problem;
  readonly expected: {
    readonly cost: StoredMatrix;
    readonly layers: readonly Record<'z' | 'a' | 'dA' | 'dZ' | 'dW' | 'db', StoredMatrix>[];
    readonly params: readonly Record<'W' | 'b', StoredMatrix>[];
  };
}

// Rounded up, never down, so a stored bound is never tighter than the computed one.
const up = (x: number) => (x === 0 ? 0 : Number((x * (1 + 1e-4)).toPrecision(5)));

function store(b: BoundedMatrix): StoredMatrix {
  return {
    rows: b.rows,
    cols: b.cols,
    v: b.v.map((d) => d.toSignificantDigits(STORED_DIGITS).toString()),
    m: Array.from(b.m, up),
    f: Array.from(b.f, up),
  };
}

const line = (value: unknown) => JSON.stringify(value);
const matrixText = (s: StoredMatrix | PlainMatrix, indent: string) =>
  `{\n${Object.entries(s)
    .map(([k, v]) => `${indent}  ${line(k)}: ${line(v)}`)
    .join(',\n')}\n${indent}}`;
const group = (entries: [string, string][], indent: string) =>
  `{\n${entries.map(([k, v]) => `${indent}  ${line(k)}: ${v}`).join(',\n')}\n${indent}}`;
const list = (items: string[], indent: string) =>
  `[\n${items.map((t) => `${indent}  ${t}`).join(',\n')}\n${indent}]`;

/** The stable text of a data file: one array per line, so diffs stay readable. */
export function renderDataFile(id: string, problem: Problem, step: ReferenceStep): string {
  const i4 = '        ';
  const named = (o: Record<string, BoundedMatrix>, indent: string) =>
    group(
      Object.entries(o).map(([k, m]) => [k, matrixText(store(m), `${indent}  `)]),
      indent,
    );
  const problemText = group(
    [
      ['sizes', line(problem.sizes)],
      ['loss', line(problem.loss)],
      // Only for networks that name them, so the files of sigmoid networks keep their text.
      ...(problem.activations ? [['activations', line(problem.activations)] as [string, string]] : []),
      ['learningRate', line(problem.learningRate)],
      ['x', matrixText(problem.x, '    ')],
      ['y', matrixText(problem.y, '    ')],
      [
        'params',
        list(
          problem.params.map((p) =>
            group(
              [
                ['W', matrixText(p.W, i4)],
                ['b', matrixText(p.b, i4)],
              ],
              '    ',
            ),
          ),
          '  ',
        ),
      ],
    ],
    '  ',
  );
  const expectedText = group(
    [
      ['cost', matrixText(store(step.cost), '    ')],
      [
        'layers',
        list(
          step.layers.map((l) => named({ ...l }, '    ')),
          '  ',
        ),
      ],
      [
        'params',
        list(
          step.params.map((p) => named({ ...p }, '    ')),
          '  ',
        ),
      ],
    ],
    '  ',
  );
  return `${group(
    [
      ['format', line(DATA_FORMAT)],
      ['id', line(id)],
      ['problem', problemText],
      ['expected', expectedText],
    ],
    '',
  )}\n`;
}

/** The problem and expected step of a parsed data file. */
export function readDataFile(file: DataFile): { problem: Problem; expected: ExpectedStep } {
  if (file.format !== DATA_FORMAT) throw new Error(`${file.id}: unknown data format ${file.format}`);
  const e = (s: StoredMatrix): ExpectedMatrix => expectedMatrix(s);
  const { problem } = file;
  return {
    problem,
    expected: {
      loss: problem.loss,
      activations: problem.activations ?? problem.params.map(() => 'sigmoid'),
      fused: fusedOutputOf(problem),
      y: problem.y.data,
      cost: e(file.expected.cost),
      layers: file.expected.layers.map((l) => ({
        z: e(l.z),
        a: e(l.a),
        dA: e(l.dA),
        dZ: e(l.dZ),
        dW: e(l.dW),
        db: e(l.db),
      })),
      params: file.expected.params.map((p) => ({ W: e(p.W), b: e(p.b) })),
    },
  };
}
