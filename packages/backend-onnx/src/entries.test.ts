import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = dirname(fileURLToPath(import.meta.url));

/** Every module specifier reachable from `entry` through relative imports, per file. */
function importGraph(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    const text = readFileSync(join(SRC, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '');
    const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((m) => m[1] as string);
    seen.set(file, specifiers);
    for (const s of specifiers) if (s.startsWith('.')) visit(join(dirname(file), s.replace(/\.js$/, '.ts')));
  };
  visit(entry);
  return seen;
}

const external = (graph: Map<string, string[]>): string[] =>
  [...new Set([...graph.values()].flat().filter((s) => !s.startsWith('.')))].sort();

describe('entry points', () => {
  it('the Node entry never reaches onnxruntime-web', () => {
    expect(external(importGraph('index.ts'))).toEqual([
      '@onegrad/core',
      'node:fs/promises',
      'onnx-proto',
      'onnxruntime-node',
    ]);
  });

  it('the web entry never reaches onnxruntime-node or Node built-ins', () => {
    expect(external(importGraph('web.ts'))).toEqual(['@onegrad/core', 'onnx-proto', 'onnxruntime-web']);
  });

  it('loads each runtime only inside init (a dynamic import), so importing an entry has no side effect', () => {
    for (const [entry, runtime] of [
      ['node.ts', 'onnxruntime-node'],
      ['web.ts', 'onnxruntime-web'],
    ] as const) {
      const text = readFileSync(join(SRC, entry), 'utf8');
      expect(text).toContain(`import('${runtime}')`);
      expect(text).not.toMatch(new RegExp(`from '${runtime}'`));
    }
  });
});
