// The kernel API (tfjs tensors in its types) is the `./kernels` entry, so these types stand alone.
export { MAX_CALL_BYTES, TFJS_BACKENDS, type TfjsBackendName, type TfjsBackendOptions } from './options.js';
export { createTfjsBackend } from './tfjs-backend.js';
