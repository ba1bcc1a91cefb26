import { findActivation, findLoss } from '@onegrad/core';
import { useState } from 'preact/hooks';
import { ALL_DATASET_NAMES, classesOf, DATASET_HELP, isAnyDatasetName } from '../../lib/datasets.js';
import { MAX_HIDDEN_LAYERS, MAX_WIDTH, parseHiddenSizes } from '../../lib/hidden-sizes.js';
import type { DemoController } from '../controller.js';
import { HIDDEN_ACTIVATIONS, OUTPUT_ACTIVATIONS, PAGE_LOSSES, SPEEDS } from '../settings.js';

const LOSS_WORDS: Readonly<Record<string, string>> = {
  bce: 'cross-entropy',
  mse: 'squared error',
  cce: 'categorical CE',
};

/** Play, pause, step, reset and the hyperparameters; disabled while an engine loads. */
export function Controls({ c }: { c: DemoController }) {
  const s = c.settings;
  const busy = c.busy !== '';
  const f64 = c.pool.choice(s.backend).dtypes.includes('float64');
  const [hiddenText, setHiddenText] = useState<string | undefined>(undefined);
  const [hiddenError, setHiddenError] = useState('');
  const outputDesc = findActivation(s.output);
  const canonical = findLoss(s.loss)?.canonical?.activation === s.output;
  return (
    <section class="panel controls" aria-labelledby="train-h">
      <h2 id="train-h">Train</h2>
      <div class="buttons">
        {c.running ? (
          <button type="button" onClick={() => c.pause()} data-testid="pause">
            ❚❚ Pause
          </button>
        ) : (
          <button type="button" onClick={() => c.play()} data-testid="play" disabled={busy}>
            ▶ Play
          </button>
        )}
        <button type="button" onClick={() => void c.step()} data-testid="step" disabled={c.running || busy}>
          Step
        </button>
        <button type="button" onClick={() => void c.reset()} data-testid="reset" disabled={busy}>
          Reset
        </button>
      </div>
      {c.error && (
        <p class="error" role="alert" data-testid="error">
          {c.error}
        </p>
      )}
      <fieldset disabled={busy}>
        <legend>Steps per frame</legend>
        {SPEEDS.map((n) => (
          <label key={n} class="inline">
            <input
              type="radio"
              name="speed"
              data-testid={`speed-${n}`}
              checked={s.speed === n}
              onChange={() => void c.update({ speed: n })}
            />
            {n}
          </label>
        ))}
      </fieldset>
      <fieldset disabled={busy} class="stack">
        <label>
          Dataset
          <select
            value={s.dataset}
            data-testid="dataset"
            onChange={(e) => {
              const v = e.currentTarget.value;
              if (!isAnyDatasetName(v)) return;
              const many = classesOf(v) > 2;
              void c.update({
                dataset: v,
                hidden: v === 'seed' ? [2] : [8],
                // Three classes need one output per class: softmax with its canonical loss.
                ...(many
                  ? { output: 'softmax', loss: 'cce' }
                  : s.output === 'softmax'
                    ? { output: 'sigmoid', loss: 'bce' }
                    : {}),
              });
            }}
          >
            {ALL_DATASET_NAMES.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
        <p class="help">
          {DATASET_HELP[s.dataset]}. Click the plane to add a point, click a point to remove it.
        </p>
        <label>
          Learning rate <output>{s.lr}</output>
          <input
            type="range"
            min={-3}
            max={1}
            step={0.1}
            value={Math.log10(s.lr)}
            data-testid="lr"
            onInput={(e) =>
              void c.update({ lr: Number((10 ** Number(e.currentTarget.value)).toPrecision(2)) })
            }
          />
        </label>
        <label>
          Hidden activation
          <select
            value={s.hiddenActivation}
            data-testid="hidden-activation"
            onChange={(e) =>
              void c.update({
                hiddenActivation: e.currentTarget.value as (typeof HIDDEN_ACTIVATIONS)[number],
              })
            }
          >
            {HIDDEN_ACTIVATIONS.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
        <div class="pairs">
          <label>
            Output activation
            <select
              value={s.output}
              data-testid="output"
              onChange={(e) =>
                void c.update({ output: e.currentTarget.value as (typeof OUTPUT_ACTIVATIONS)[number] })
              }
            >
              {OUTPUT_ACTIVATIONS.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </select>
          </label>
          <label>
            Loss
            <select
              value={s.loss}
              data-testid="loss"
              onChange={(e) => void c.update({ loss: e.currentTarget.value })}
            >
              {PAGE_LOSSES.map((l) => (
                <option key={l} value={l}>
                  {LOSS_WORDS[l]} ({l})
                </option>
              ))}
            </select>
          </label>
        </div>
        <p class="help" data-testid="pair-note" data-canonical={String(canonical)}>
          {canonical
            ? `${s.output} + ${s.loss} is a canonical pair: the two local derivatives cancel to ${findLoss(s.loss)?.canonical?.dZ}.`
            : `${s.output} + ${s.loss} is not a canonical pair: dZ = dA · ${outputDesc?.derivative.replace(/^dA\/dZ = /, '') ?? "f'(Z)"}, nothing cancels. Canonical pairs: sigmoid + bce, softmax + cce, identity + mse.`}
        </p>
        <fieldset>
          <legend>Dtype</legend>
          {(['float32', 'float64'] as const).map((d) => (
            <label key={d} class="inline">
              <input
                type="radio"
                name="dtype"
                checked={s.dtype === d}
                disabled={d === 'float64' && !f64}
                onChange={() => void c.update({ dtype: d })}
              />
              {d}
            </label>
          ))}
        </fieldset>
        <label>
          Hidden layers
          <input
            type="text"
            inputMode="numeric"
            value={hiddenText ?? s.hidden.join(', ')}
            data-testid="hidden"
            aria-invalid={hiddenError !== ''}
            aria-describedby="hidden-help"
            onInput={(e) => setHiddenText(e.currentTarget.value)}
            onChange={(e) => {
              const text = e.currentTarget.value;
              try {
                const h = parseHiddenSizes(text);
                setHiddenError('');
                setHiddenText(undefined);
                void c.update({ hidden: h });
              } catch (err) {
                // The text stays as typed, with the reason, until it is fixed.
                setHiddenError(`'${text}': ${(err as Error).message}`);
              }
            }}
          />
        </label>
        {hiddenError ? (
          <p class="error" role="alert" id="hidden-help" data-testid="hidden-error">
            {hiddenError}
          </p>
        ) : (
          <p class="help" id="hidden-help">
            Widths separated by commas, e.g. 8, 4: up to {MAX_HIDDEN_LAYERS} layers of 1 to {MAX_WIDTH} units
            (the CLI's limit too); 2 inputs, 1 output (one per class for softmax).
          </p>
        )}
        <label>
          Random seed
          <input
            type="number"
            min={1}
            value={s.randomSeed}
            data-testid="random-seed"
            onChange={(e) =>
              void c.update({ randomSeed: Math.max(1, Math.floor(Number(e.currentTarget.value)) || 1) })
            }
          />
        </label>
        <p class="help">Draws the dataset's points and the initial weights.</p>
      </fieldset>
    </section>
  );
}
