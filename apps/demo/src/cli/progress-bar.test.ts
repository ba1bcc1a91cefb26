import { describe, expect, it } from 'vitest';
import { ProgressBar } from './progress-bar.js';

function sink(isTTY: boolean) {
  const chunks: string[] = [];
  return { chunks, stream: { isTTY, columns: 80, write: (t: string) => chunks.push(t) } };
}

describe('ProgressBar', () => {
  it('redraws one line in place on a terminal', () => {
    const { chunks, stream } = sink(true);
    const bar = new ProgressBar(stream, 100);
    bar.update(50, 'ts');
    bar.update(100, 'onnx');
    bar.finish();
    expect(chunks[0]).toMatch(/^\r\[#{15}\.{15}\] {2}50% ts/);
    expect(chunks[1]).toMatch(/^\r\[#{30}\] 100% onnx/);
    expect(chunks.at(-1)).toBe('\n');
  });

  it('prints a line per quarter when piped, and nothing when disabled', () => {
    const piped = sink(false);
    const bar = new ProgressBar(piped.stream, 8);
    for (let k = 1; k <= 8; k++) bar.update(k, 'ts');
    expect(piped.chunks).toEqual(['25% (2/8) ts\n', '50% (4/8) ts\n', '75% (6/8) ts\n', '100% (8/8) ts\n']);
    const off = sink(true);
    new ProgressBar(off.stream, 8, false).update(8, 'ts');
    expect(off.chunks).toEqual([]);
  });
});
