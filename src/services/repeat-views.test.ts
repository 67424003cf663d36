import { describe, expect, it } from 'vitest';
import type { ArticleId } from '../domain/article-id.js';
import { RepeatViews } from './repeat-views.js';

const A = '11' as ArticleId;
const B = '12' as ArticleId;

describe('RepeatViews', () => {
  it('counts a visitor once per article within the window, and again after it', () => {
    let now = new Date('2026-11-29T10:00:00Z');
    const views = new RepeatViews({ windowMs: 30 * 60_000, now: () => now });
    expect(views.isFirstView('1.2.3.4 Firefox', A)).toBe(true);
    expect(views.isFirstView('1.2.3.4 Firefox', A)).toBe(false);
    expect(views.isFirstView('1.2.3.4 Firefox', B)).toBe(true);
    expect(views.isFirstView('1.2.3.4 Chrome', A)).toBe(true);
    expect(views.isFirstView('5.6.7.8 Firefox', A)).toBe(true);
    now = new Date('2026-11-29T10:29:59Z');
    expect(views.isFirstView('1.2.3.4 Firefox', A)).toBe(false);
    now = new Date('2026-11-29T10:30:00Z');
    expect(views.isFirstView('1.2.3.4 Firefox', A)).toBe(true);
  });

  it('forgets everything at UTC midnight, when the salt changes', () => {
    let now = new Date('2026-11-29T23:59:00Z');
    const views = new RepeatViews({ now: () => now });
    expect(views.isFirstView('v', A)).toBe(true);
    expect(views.isFirstView('v', A)).toBe(false);
    now = new Date('2026-11-30T00:00:01Z');
    expect(views.isFirstView('v', A)).toBe(true);
  });

  it('forgets the oldest pairs past its bound, so memory stays bounded', () => {
    const views = new RepeatViews({ maxEntries: 2, now: () => new Date('2026-11-29T10:00:00Z') });
    expect(views.isFirstView('v1', A)).toBe(true);
    expect(views.isFirstView('v2', A)).toBe(true);
    expect(views.isFirstView('v3', A)).toBe(true);
    expect(views.isFirstView('v1', A)).toBe(true);
    expect(views.isFirstView('v3', A)).toBe(false);
  });
});
