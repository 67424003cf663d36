import { describe, expect, it } from 'vitest';
import type { ArticleId } from './article-id.js';
import { keysToPurge, type Placement } from './public-change.js';

const id = '42' as ArticleId;
const placed: Placement = {
  publishedAt: '2026-11-29T10:00:00.000Z',
  sectionId: '3',
  tagIds: ['7', '8'],
  authorIds: ['2'],
  breakingUntil: null,
};
const change = (before: Placement | null, after: Placement | null) =>
  keysToPurge({ kind: 'article', articleId: id, before, after });

describe('keysToPurge', () => {
  it('a publish: the article and every listing it joins', () => {
    expect(change(null, placed)).toEqual(['a42', 'home', 's3', 't7', 't8', 'u2']);
  });

  it('an unpublish: the article and every listing it leaves', () => {
    expect(change(placed, null)).toEqual(['a42', 'home', 's3', 't7', 't8', 'u2']);
  });

  it('an edit in place: only the pages that show the article', () => {
    expect(change(placed, { ...placed })).toEqual(['a42']);
  });

  it('a new section and tag: the listings joined and left', () => {
    expect(change(placed, { ...placed, sectionId: '4', tagIds: ['7', '9'] })).toEqual([
      'a42',
      's3',
      't8',
      's4',
      't9',
    ]);
  });

  it('a new publication time: every listing, as its order changes', () => {
    expect(change(placed, { ...placed, publishedAt: '2026-11-29T11:00:00.000Z' })).toEqual([
      'a42',
      'home',
      's3',
      't7',
      't8',
      'u2',
    ]);
  });

  it('a breaking-news flag set or cleared: every page with the ticker', () => {
    const flagged = { ...placed, breakingUntil: '2026-11-29T12:00:00.000Z' };
    expect(change(placed, flagged)).toEqual(['a42', 'breaking']);
    expect(change(flagged, placed)).toEqual(['a42', 'breaking']);
    expect(change(null, flagged)).toContain('breaking');
  });

  it('a lead story pinned: the home page; a section renamed: everything', () => {
    expect(keysToPurge({ kind: 'front-page' })).toEqual(['front']);
    expect(keysToPurge({ kind: 'site' })).toBe('all');
  });

  it('a correction added or deleted: the corrections page only', () => {
    expect(keysToPurge({ kind: 'corrections' })).toEqual(['corrections']);
  });

  it('a static page changed: its own page, and every footer when the menu lists it', () => {
    expect(keysToPurge({ kind: 'page', articleId: '9' as ArticleId, inFooter: false })).toEqual([
      'a9',
    ]);
    expect(keysToPurge({ kind: 'page', articleId: '9' as ArticleId, inFooter: true })).toEqual([
      'a9',
      'footer',
    ]);
  });

  it('the footer menu changed: every page with the footer', () => {
    expect(keysToPurge({ kind: 'footer' })).toEqual(['footer']);
  });
});
