import { describe, expect, it } from 'vitest';
import { eventOfMove, retryDelayMs } from './webhook.js';

describe('retryDelayMs', () => {
  it.each([
    [1, 30_000],
    [2, 60_000],
    [3, 120_000],
    [10, 4 * 60 * 60 * 1000],
    [30, 4 * 60 * 60 * 1000],
  ])('waits after %i failed attempts %i ms', (attempt, ms) => {
    expect(retryDelayMs(attempt)).toBe(ms);
  });
});

describe('eventOfMove', () => {
  it.each([
    ['draft', 'published', 'article.published'],
    ['scheduled', 'published', 'article.published'],
    ['published', 'draft', 'article.unpublished'],
    ['published', 'archived', 'article.unpublished'],
    ['draft', 'pending', null],
    ['published', 'published', null],
  ])('reports %s → %s as %s', (from, to, event) => {
    expect(eventOfMove(from, to)).toBe(event);
  });
});
