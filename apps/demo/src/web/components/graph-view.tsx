import { type Matrix, type StepTrace, shapeOf, transpose } from '@onegrad/core';
import { fmt } from '../format.js';
import { MatrixView } from './matrix-view.js';

/** Props of {@link GraphView}. */
export interface GraphViewProps {
  /** The step to show. */
  readonly trace: StepTrace;
  /** The batch's inputs (row layout). */
  readonly x: Matrix;
}

function Node(props: {
  name: string;
  value: Matrix;
  grad?: Matrix | undefined;
  gradName?: string;
  note?: string | undefined;
}) {
  const { name, value, grad, gradName, note } = props;
  return (
    <div class="node">
      <div class="node-head">
        <b>{name}</b> <span class="shape">{shapeOf(transpose(value))}</span>
      </div>
      <MatrixView m={value} testId={`node-${name}`} />
      {grad && (
        <>
          <div class="grad-name">{gradName ?? `d${name}`}</div>
          <MatrixView m={grad} kind="grad" testId={`grad-${name}`} />
        </>
      )}
      {note && <div class="note">{note}</div>}
    </div>
  );
}

/**
 * The computational graph X -> Z1 -> A1 -> ... -> A_L -> J of the current step, every node with its value
 * (black) and its gradient (orange), in the seed's column layout: features down, samples across.
 */
export function GraphView({ trace, x }: GraphViewProps) {
  const L = trace.layers.length;
  return (
    <div class="graph">
      <Node name="X" value={x} />
      {trace.layers.map((layer, l) => {
        const n = l + 1;
        const out = n === L;
        return [
          <span class="arrow" key={`a${n}`} aria-hidden="true">
            →
          </span>,
          <Node
            key={`z${n}`}
            name={`Z${n}`}
            value={layer.z}
            grad={layer.dZ}
            note={out && trace.fusedOutput ? 'dZ fused: A − Y' : undefined}
          />,
          <span class="arrow" key={`s${n}`} aria-hidden="true">
            σ
          </span>,
          <Node
            key={`act${n}`}
            name={`A${n}`}
            value={layer.a}
            grad={layer.dA}
            note={out && layer.dANonFinite.length ? 'dA not finite here' : undefined}
          />,
        ];
      })}
      <span class="arrow" aria-hidden="true">
        →
      </span>
      <div class="node loss-node">
        <div class="node-head">
          <b>J</b> <span class="shape">cost</span>
        </div>
        <div class="big" data-testid="cost" data-value={String(trace.loss)}>
          {fmt(trace.loss, 6)}
        </div>
      </div>
    </div>
  );
}
