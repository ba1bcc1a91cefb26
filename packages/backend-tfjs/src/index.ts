// The kernel API (tfjs tensors in its types) is the `./kernels` entry, so these types stand alone.
export { TFJS_BACKENDS, type TfjsBackendName, type TfjsBackendOptions } from './options.js';
export { createTfjsBackend } from './tfjs-backend.js';
export { MAX_CALL_BYTES } from './wasm-capacity.js';
