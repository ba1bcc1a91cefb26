import { describe, expect, it } from 'vitest';
import { MAX_WIDTH, parseHiddenSizes } from './hidden-sizes.js';

describe('parseHiddenSizes', () => {
  it('reads widths separated by commas or spaces', () => {
    expect(parseHiddenSizes('8, 4')).toEqual([8, 4]);
    expect(parseHiddenSizes(' 64 64 64 ')).toEqual([64, 64, 64]);
    expect(parseHiddenSizes(String(MAX_WIDTH))).toEqual([MAX_WIDTH]);
  });

  it.each([
    ['', /at least one width/],
    ['0', /from 1 to 256, got '0'/],
    ['257', /from 1 to 256, got '257'/],
    ['2.5', /got '2.5'/],
    ['8, x', /got 'x'/],
    ['1 2 3 4 5', /at most 4 hidden layers, got 5/],
  ])('refuses %j naming the part', (text, message) => {
    expect(() => parseHiddenSizes(text)).toThrow(message);
  });
});
