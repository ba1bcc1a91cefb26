export { createTsBackend } from './ts-backend.js';
