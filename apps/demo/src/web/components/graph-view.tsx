import {
  activationsOf,
  type Batch,
  type DType,
  findActivation,
  findLoss,
  type Matrix,
  type NetworkSpec,
  type StepTrace,
  shapeOf,
  transpose,
} from '@onegrad/core';
import { useState } from 'preact/hooks';
import {
  derivation,
  isCanonical,
  type StepNode,
  type StepStop,
  slopeAt,
  stepNodes,
  stepStops,
} from '../../lib/step-graph.js';
import { exact, fmt } from '../format.js';
import { MatrixView } from './matrix-view.js';

/** Props of {@link GraphView}. */
export interface GraphViewProps {
  readonly spec: NetworkSpec;
  /** The step to show. */
  readonly trace: StepTrace;
  /** The batch the step was taken on (row layout). */
  readonly batch: Batch;
  /** Extra content under the graph, e.g. the finite-difference check. */
  readonly children?: preact.ComponentChildren;
}

/** The activation's local derivative dA/dZ over the whole layer, or undefined for a row-wise activation. */
function slopes(name: string, z: Matrix, a: Matrix, dtype: DType): Matrix | undefined {
  const data = dtype === 'float32' ? new Float32Array(a.data.length) : new Float64Array(a.data.length);
  for (let i = 0; i < data.length; i++) {
    const s = slopeAt(name, a.data[i] as number, z.data[i] as number, dtype);
    if (s === undefined) return undefined;
    data[i] = s;
  }
  return { rows: a.rows, cols: a.cols, data };
}

/** One value of a matrix as the page shows it, with its exact value for tests and hover. */
function Value({ m, testId, label }: { m: Matrix | undefined; testId: string; label: string }) {
  const v = m?.data[0];
  if (v === undefined) return <span class="dim">—</span>;
  return (
    <span class="live" data-testid={testId} data-value={exact(v)} title={`${label}, sample 1, unit 1`}>
      {fmt(v, 5)}
    </span>
  );
}

type Info = {
  /** Forward formula of the node. */
  forward: string;
  /** Backward: the local derivative (formula) and its live value. */
  local?: { formula: string; value: Matrix | undefined };
  /** Backward, matmul only: the bias gradient. */
  bias?: { formula: string; value: Matrix | undefined };
  /** Backward: what the node hands on (formula) and its value. */
  out?: { formula: string; value: Matrix | undefined };
  value?: Matrix | undefined;
  grad?: { name: string; value: Matrix | undefined } | undefined;
};

function infoOf(node: StepNode, spec: NetworkSpec, trace: StepTrace, batch: Batch): Info {
  const L = trace.layers.length;
  const acts = activationsOf(spec);
  const l = node.layer;
  const layer = trace.layers[l - 1];
  if (node.id === 'X') return { forward: 'the inputs, one column per sample', value: batch.x };
  if (node.id === 'J') return { forward: 'J = mean over the samples of the loss', value: undefined };
  if (node.id === 'loss') {
    const d = findLoss(spec.loss);
    const out = trace.layers[L - 1];
    return {
      forward: `${d?.formula ?? spec.loss}, J its mean`,
      local: { formula: d?.gradA.replace('dl/dA', `dJ/dA${L}`) ?? `dJ/dA${L}`, value: out?.dA },
    };
  }
  if (!layer) return { forward: '' };
  if (node.id.startsWith('mm')) {
    const prev = l === 1 ? 'X' : `A${l - 1}`;
    return {
      forward: `Z${l} = ${prev} W${l} + b${l}`,
      local: { formula: `dW${l} = ${prev}ᵀ dZ${l} / m`, value: layer.dW },
      bias: { formula: `db${l} = mean of dZ${l}`, value: layer.db },
      ...(l > 1 ? { out: { formula: `d${prev} = dZ${l} W${l}ᵀ`, value: trace.layers[l - 2]?.dA } } : {}),
    };
  }
  if (node.id.startsWith('act')) {
    const name = acts[l - 1] ?? 'sigmoid';
    const d = findActivation(name);
    const fused = l === L && trace.fusedOutput && isCanonical(spec.loss, name);
    const canonical = findLoss(spec.loss)?.canonical?.dZ;
    return {
      forward: (d?.formula ?? name).replaceAll('A', `A${l}`).replaceAll('Z', `Z${l}`),
      local: {
        formula: (d?.derivative ?? `dA/dZ = ${name}'(Z)`).replaceAll('A', `A${l}`).replaceAll('Z', `Z${l}`),
        value: slopes(name, layer.z, layer.a, spec.dtype),
      },
      out: {
        formula: fused
          ? `dZ${l} = dA${l} · dA${l}/dZ${l} = ${(canonical ?? 'dZ = A - Y').replace('dZ = ', '').replaceAll('A', `A${l}`)} (fused)`
          : `dZ${l} = dA${l} · dA${l}/dZ${l}`,
        value: layer.dZ,
      },
    };
  }
  if (node.id.startsWith('Z'))
    return {
      forward: `pre-activation of layer ${l}`,
      value: layer.z,
      grad: { name: `dZ${l}`, value: layer.dZ },
    };
  return { forward: `activation of layer ${l}`, value: layer.a, grad: { name: `dA${l}`, value: layer.dA } };
}

/** What the step-through says at one stop: inputs, local derivative, output. */
function stopText(stop: StepStop, node: StepNode, info: Info, L: number): string {
  const id = node.id;
  if (stop.pass === 'forward') {
    if (id === 'X') return 'Forward: the batch enters as X.';
    if (id === 'J') return 'Forward: the cost J, the mean of the loss over the samples.';
    if (node.kind === 'op') return `Forward through ${node.label}: ${info.forward}.`;
    return `Forward: ${id} is computed.`;
  }
  if (id === 'J') return 'Backward starts at J with dJ/dJ = 1.';
  if (id === 'loss')
    return `Backward through the loss node: its local derivative ${info.local?.formula}, giving dA${L}.`;
  if (node.kind === 'op' && id.startsWith('act'))
    return `Backward through the ${node.label} node: multiply by its own local derivative ${info.local?.formula}; ${info.out?.formula}.`;
  if (node.kind === 'op')
    return `Backward through matmul ${node.layer}: ${info.local?.formula}, ${info.bias?.formula}${info.out ? `; ${info.out.formula}` : ''}.`;
  return `Backward: the gradient d${id} arrives here.`;
}

/**
 * The computational graph of the current step, node by node: X -> matmul -> Z1 -> activation -> A1 ->
 * ... -> A_L -> loss -> J. Value nodes show their matrix (black) and gradient (orange) in the seed's
 * column layout; operation nodes show their local derivative as a formula and as its live value. A
 * step-through walks one step forward then backward; a click (or tap) on a node shows every sample.
 */
export function GraphView({ spec, trace, batch, children }: GraphViewProps) {
  const nodes = stepNodes(spec);
  const stops = stepStops(spec);
  const L = trace.layers.length;
  const [at, setAt] = useState<number | undefined>(undefined);
  const [inspect, setInspect] = useState<string | undefined>(undefined);
  const stop = at === undefined ? undefined : stops[at];
  const output = activationsOf(spec)[L - 1] ?? 'sigmoid';
  const [line1, line2] = derivation(spec.loss, output, L);
  const inspected = nodes.find((n) => n.id === inspect);
  const inspectedInfo = inspected && infoOf(inspected, spec, trace, batch);
  const stopNode = stop && nodes.find((n) => n.id === stop.node);
  return (
    <div>
      <ol class="derivation" data-testid="derivation">
        <li>
          <code>{line1}</code>
        </li>
        <li>
          <code>{line2}</code>
        </li>
      </ol>
      <div class="row">
        {at === undefined ? (
          <button type="button" data-testid="walk-start" onClick={() => setAt(0)}>
            Step through one step
          </button>
        ) : (
          <>
            <button type="button" data-testid="walk-back" disabled={at === 0} onClick={() => setAt(at - 1)}>
              ‹ Back
            </button>
            <button
              type="button"
              data-testid="walk-next"
              disabled={at >= stops.length - 1}
              onClick={() => setAt(at + 1)}
            >
              Next ›
            </button>
            <button type="button" data-testid="walk-end" onClick={() => setAt(undefined)}>
              Done
            </button>
            <span
              class="walk"
              role="status"
              data-testid="walk-status"
              data-node={stop?.node}
              data-pass={stop?.pass}
              data-index={String(at)}
              data-count={String(stops.length)}
            >
              {at + 1}/{stops.length} {stop?.pass}:{' '}
              {stop && stopNode ? stopText(stop, stopNode, infoOf(stopNode, spec, trace, batch), L) : ''}
            </span>
          </>
        )}
      </div>
      <div class="graph" data-testid="graph">
        {nodes.map((node, i) => {
          const info = infoOf(node, spec, trace, batch);
          const current = stop?.node === node.id;
          const cls = `node ${node.kind} ${current ? `current ${stop?.pass}` : ''} ${inspect === node.id ? 'inspected' : ''}`;
          const open = () => setInspect(inspect === node.id ? undefined : node.id);
          return [
            i > 0 && (
              <span class="arrow" key={`arrow-${node.id}`} aria-hidden="true">
                →
              </span>
            ),
            <div key={node.id} class={cls} data-node={node.id} data-testid={`node-${node.id}`}>
              <div class="node-head">
                <b>{node.label}</b>{' '}
                {info.value && <span class="shape">{shapeOf(transpose(info.value))}</span>}{' '}
                {node.id !== 'J' && (
                  <button
                    type="button"
                    class="samples"
                    data-testid={`samples-${node.id}`}
                    aria-pressed={inspect === node.id}
                    title="every sample of this node's values"
                    onClick={open}
                  >
                    all
                  </button>
                )}
              </div>
              {node.kind === 'op' && <div class="formula">{info.forward}</div>}
              {info.value && <MatrixView m={info.value} testId={`value-${node.id}`} />}
              {node.id === 'J' && (
                <div class="big" data-testid="cost" data-value={String(trace.loss)}>
                  {fmt(trace.loss, 6)}
                </div>
              )}
              {info.grad?.value && (
                <>
                  <div class="grad-name">{info.grad.name}</div>
                  <MatrixView m={info.grad.value} kind="grad" testId={`grad-${node.id}`} />
                </>
              )}
              {info.local && (
                <div class="local">
                  <code>{info.local.formula}</code> ={' '}
                  <Value m={info.local.value} testId={`local-${node.id}`} label={info.local.formula} />
                </div>
              )}
              {info.bias && (
                <div class="local">
                  <code>{info.bias.formula}</code> ={' '}
                  <Value m={info.bias.value} testId={`bias-${node.id}`} label={info.bias.formula} />
                </div>
              )}
              {info.out && (
                <div class="local">
                  <code>{info.out.formula}</code> ={' '}
                  <Value m={info.out.value} testId={`out-${node.id}`} label={info.out.formula} />
                </div>
              )}
            </div>,
          ];
        })}
      </div>
      {inspected && inspectedInfo && (
        <div class="inspect" data-testid="inspect" data-node={inspected.id}>
          <b>{inspected.label}</b>, every sample (one column per sample, seed layout):
          {[
            ['value', inspectedInfo.value],
            [inspectedInfo.grad?.name ?? 'gradient', inspectedInfo.grad?.value],
            [inspectedInfo.local?.formula ?? '', inspectedInfo.local?.value],
            [inspectedInfo.bias?.formula ?? '', inspectedInfo.bias?.value],
            [inspectedInfo.out?.formula ?? '', inspectedInfo.out?.value],
          ].map(([name, m]) =>
            m && typeof m !== 'string' ? (
              <div key={String(name)} class="inspect-row">
                <div class="dim">{String(name)}</div>
                <div class="scroll">
                  <MatrixView m={m} maxCols={m.rows} maxRows={16} testId={`inspect-${inspected.id}`} />
                </div>
              </div>
            ) : null,
          )}
        </div>
      )}
      {children}
    </div>
  );
}
