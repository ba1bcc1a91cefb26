import { exportOnnx } from '@onegrad/backend-onnx/web';
import { render } from 'preact';
import { App } from './components/app.js';
import { DemoController } from './controller.js';
import './styles.css';
import { webPool } from './web-backends.js';

const controller = new DemoController(webPool());
// Read-only handle for the end-to-end test and the curious: the loss history, the switches with their judged
// first steps, and the traced step on display with the parameters it started from.
Object.assign(window, { onegradDemo: controller });
render(<App c={controller} toOnnx={exportOnnx} />, document.getElementById('app') as HTMLElement);
void controller.reset();
