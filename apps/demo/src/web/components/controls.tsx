import { DATASET_HELP, DATASET_NAMES, isDatasetName } from '../../lib/datasets.js';
import type { DemoController } from '../controller.js';
import { parseHidden, SPEEDS } from '../settings.js';

/** Play, pause, step, reset and the hyperparameters. */
export function Controls({ c }: { c: DemoController }) {
  const s = c.settings;
  const f64 = c.pool.choice(s.backend).dtypes.includes('float64');
  return (
    <section class="panel controls" aria-labelledby="train-h">
      <h2 id="train-h">Train</h2>
      <div class="buttons">
        {c.running ? (
          <button type="button" onClick={() => c.pause()} data-testid="pause">
            ❚❚ Pause
          </button>
        ) : (
          <button type="button" onClick={() => c.play()} data-testid="play">
            ▶ Play
          </button>
        )}
        <button type="button" onClick={() => void c.step()} data-testid="step" disabled={c.running}>
          Step
        </button>
        <button type="button" onClick={() => void c.reset()} data-testid="reset">
          Reset
        </button>
      </div>
      <fieldset>
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
      <label>
        Dataset
        <select
          value={s.dataset}
          data-testid="dataset"
          onChange={(e) => {
            const v = e.currentTarget.value;
            if (isDatasetName(v)) void c.update({ dataset: v, hidden: v === 'seed' ? [2] : [8] });
          }}
        >
          {DATASET_NAMES.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
      </label>
      <p class="help">{DATASET_HELP[s.dataset]}</p>
      <label>
        Learning rate <output>{s.lr}</output>
        <input
          type="range"
          min={-3}
          max={1}
          step={0.1}
          value={Math.log10(s.lr)}
          data-testid="lr"
          onInput={(e) => void c.update({ lr: Number((10 ** Number(e.currentTarget.value)).toPrecision(2)) })}
        />
      </label>
      <fieldset>
        <legend>Loss</legend>
        {(['bce', 'mse'] as const).map((l) => (
          <label key={l} class="inline">
            <input
              type="radio"
              name="loss"
              checked={s.loss === l}
              onChange={() => void c.update({ loss: l })}
            />
            {l === 'bce' ? 'cross-entropy' : 'squared error'}
          </label>
        ))}
      </fieldset>
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
          value={s.hidden.join(', ')}
          data-testid="hidden"
          onChange={(e) => {
            const h = parseHidden(e.currentTarget.value);
            if (h) void c.update({ hidden: h });
            else e.currentTarget.value = s.hidden.join(', ');
          }}
        />
      </label>
      <p class="help">Widths separated by commas, e.g. 8, 4; the input has 2 units and the output 1.</p>
      <label>
        Seed
        <input
          type="number"
          min={1}
          value={s.seed}
          onChange={(e) =>
            void c.update({ seed: Math.max(1, Math.floor(Number(e.currentTarget.value)) || 1) })
          }
        />
      </label>
    </section>
  );
}
