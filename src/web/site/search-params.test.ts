import { describe, expect, it } from 'vitest';
import { apiLimit, searchForm } from './search-params.js';

describe('the search query’s numbers', () => {
  it('brings a whole number into range and falls back for anything else', () => {
    const limits = ['-1', '0', '+3', '1', '50', '51', '999999', '1.5', 'abc', '', '1234567'];
    expect(limits.map((limit) => apiLimit({ limit }))).toEqual([
      1, 1, 3, 1, 50, 50, 50, 10, 10, 10, 10,
    ]);
    expect(apiLimit({})).toBe(10);
    const pages = ['-5', '0', '2', '101', 'x'];
    expect(pages.map((page) => searchForm({ q: 'تونس', page }).page)).toEqual([1, 1, 2, 100, 1]);
  });
});
