export { TFJS_BACKENDS, type TfjsBackendName, type TfjsBackendOptions } from './options.js';
export { createTfjsBackend } from './tfjs-backend.js';
