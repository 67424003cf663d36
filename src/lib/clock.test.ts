import { describe, expect, it } from 'vitest';
import { millisecondsOf, systemClock } from './clock.js';

describe('millisecondsOf', () => {
  it('is Date.now for the system clock, and reads a pinned clock', () => {
    expect(millisecondsOf(systemClock)).toBe(Date.now);
    expect(millisecondsOf(() => new Date(1_500))()).toBe(1_500);
  });
});
