import { describe, expect, it } from 'vitest';
import { wireBackoffMs, wireCopiesBySource } from './wire.js';

describe('the wire backoff', () => {
  it.each([
    [5, 0, 5],
    [5, 1, 10],
    [5, 2, 20],
    [5, 6, 320],
    [5, 7, 360],
    [5, 1000, 360],
    [1, 3, 8],
    [1440, 1, 360],
  ])('every %i minutes after %i failures waits %i minutes', (every, failures, minutes) => {
    expect(wireBackoffMs(every, failures)).toBe(minutes * 60_000);
  });
});

describe('the copies of a story by source', () => {
  it('counts each source in the order its first copy arrived', () => {
    expect(
      wireCopiesBySource([
        { source: 'sana-eco', guid: 'a' },
        { source: 'sana-ar', guid: 'b' },
        { source: 'sana-eco', guid: 'c' },
      ]),
    ).toEqual([
      { source: 'sana-eco', copies: 2 },
      { source: 'sana-ar', copies: 1 },
    ]);
    expect(wireCopiesBySource([])).toEqual([]);
  });
});
