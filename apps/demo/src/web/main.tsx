import { exportOnnx } from '@onegrad/backend-onnx/web';
import { render } from 'preact';
import { App } from './components/app.js';
import { DemoController } from './controller.js';
import { EngineClient, RemoteTrainer } from './remote-trainer.js';
import { settingsFromQuery, settingsToQuery } from './settings.js';
import './styles.css';
import { webPool } from './web-backends.js';

const pool = webPool();
// The address holds the whole lesson: a link reopens the same dataset, network and engine.
const { settings, refused } = settingsFromQuery(location.search, pool.ids);
// The engines run in a worker: loading one, training and judging never block the page.
const client = new EngineClient(
  new Worker(new URL('./engine-worker.ts', import.meta.url), { type: 'module' }),
);
const controller = new DemoController(pool, settings, (id, spec, batch, params) =>
  RemoteTrainer.start(client, id, spec, batch, params),
);
if (refused.length)
  controller.notice = `The address asked for ${refused.join(', ')}: kept the defaults there.`;
let shown = '';
controller.subscribe(() => {
  const query = settingsToQuery(controller.settings);
  if (query === shown) return;
  shown = query;
  // Other keys of the address (e.g. judge-rows for the lockstep view) stay.
  const q = new URLSearchParams(location.search);
  for (const [k, v] of new URLSearchParams(query)) q.set(k, v);
  history.replaceState(
    null,
    '',
    `${location.pathname}?${q.toString().replaceAll('%2C', ',')}${location.hash}`,
  );
});
// Read-only handle for the end-to-end test and the curious: the loss history, the switches with their judged
// first steps, and the traced step on display with the parameters it started from.
Object.assign(window, { onegradDemo: controller });
render(<App c={controller} toOnnx={exportOnnx} />, document.getElementById('app') as HTMLElement);
void controller.reset('');
