import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DataFile } from './data-file.js';

/** The package's `data/` directory (the same relative path from `src/cases` and `dist/cases`). */
export const DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));

/** Path of a random case's data file. */
export function randomDataPath(name: string): string {
  return `${DATA_DIR}random/${name}.json`;
}

/** Reads and parses a random case's data file. */
export function loadRandomData(name: string): DataFile {
  return JSON.parse(readFileSync(randomDataPath(name), 'utf8')) as DataFile;
}
