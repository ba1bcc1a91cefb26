import { BackendInitError } from '@onegrad/core';
import type { Tf } from './load-tfjs.js';
import type { TfjsBackendName } from './options.js';

/**
 * Readies the active tfjs backend `name` for onegrad. On `cpu` it writes one tensor in prod mode: the
 * cpu backend's first write in Node prints advice to install tfjs-node, which is noise here. The PROD
 * flag is restored at once, so every later tfjs warning still prints. On `webgl` it refuses a device
 * that renders only half floats, since this backend promises float32.
 */
export function quietStart(tf: Tf, name: TfjsBackendName): void {
  if (name === 'webgl' && !tf.env().getBool('WEBGL_RENDER_FLOAT32_ENABLED')) {
    throw new BackendInitError(
      'tfBackend',
      'this WebGL device cannot render float32 textures; use cpu or wasm',
    );
  }
  if (name !== 'cpu') return;
  const env = tf.env();
  const prod = env.getBool('PROD');
  env.set('PROD', true);
  try {
    tf.scalar(0).dispose();
  } finally {
    env.set('PROD', prod);
  }
}
