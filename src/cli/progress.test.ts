import { expect, it } from 'vitest';
import { timeLeft } from './progress.js';

it('gives the time left at the average rate so far', () => {
  expect(timeLeft(10, 0, 100)).toBe('?');
  expect(timeLeft(10, 50, 100)).toBe('10s');
  expect(timeLeft(10, 10, 200)).toBe('3m10s');
  expect(timeLeft(60, 10, 1000)).toBe('1h39m');
  // Done, or past a total that grew late: nothing left, never a negative or "LLs".
  expect(timeLeft(10, 100, 100)).toBe('0s');
  expect(timeLeft(10, 120, 100)).toBe('0s');
});
