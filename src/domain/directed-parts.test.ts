import { describe, expect, it } from 'vitest';
import { directedParts } from './directed-parts.js';

describe('directedParts', () => {
  it('splits at the edges of a Latin run and groups by direction', () => {
    expect(
      directedParts([
        { text: 'أطلقت ', match: false },
        { text: 'Apple TV', match: true },
        { text: '+ في مصر', match: false },
      ]),
    ).toEqual([
      { ltr: false, parts: [{ text: 'أطلقت ', match: false }] },
      { ltr: true, parts: [{ text: 'Apple TV', match: true }] },
      { ltr: false, parts: [{ text: '+ في مصر', match: false }] },
    ]);
  });

  it('keeps two runs apart', () => {
    expect(directedParts([{ text: 'BBC وCNN', match: false }])).toEqual([
      { ltr: true, parts: [{ text: 'BBC', match: false }] },
      { ltr: false, parts: [{ text: ' و', match: false }] },
      { ltr: true, parts: [{ text: 'CNN', match: false }] },
    ]);
  });

  it('gives nothing for no parts', () => {
    expect(directedParts([])).toEqual([]);
  });
});
