import { describe, expect, it } from 'vitest';
import { wireBackoffMs } from './wire.js';

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
