import { describe, expect, it } from 'vitest';
import { renderToString } from 'preact-render-to-string';
import type { ArticleId, ArticleSummary } from '../../../domain/article.js';
import { testPageContext } from '../../../../test/helpers/page-context.js';
import { RelatedArticles } from './related-articles.js';

const story = (id: string, headline: string): ArticleSummary => ({
  id: id as ArticleId,
  headline,
  excerpt: '',
  section: { id: '3', slug: 'health', name: 'صحة' },
  image: null,
  publishedAt: new Date('2026-11-28T09:00:00.000Z'),
  publishedPrecision: 'minute',
  viewCount: 0,
});

describe('RelatedArticles', () => {
  it('lists each story with its thumbnail (or stand-in), linked headline and date, in order', () => {
    const html = renderToString(
      <RelatedArticles
        ctx={testPageContext()}
        articles={[story('12', 'الخبر الأحدث'), story('11', 'الخبر الأقدم')]}
      />,
    );
    expect(html).toMatch(
      /^<section class="related" aria-labelledby="related-heading"><h2 id="related-heading">أخبار ذات صلة<\/h2>/,
    );
    expect(
      [...html.matchAll(/<a href="(\/a\/\d+)" class="related__headline">([^<]+)</g)].map((m) => [
        m[1],
        m[2],
      ]),
    ).toEqual([
      ['/a/12', 'الخبر الأحدث'],
      ['/a/11', 'الخبر الأقدم'],
    ]);
    expect(html.match(/story-image story-image--thumb story-image--none/g)).toHaveLength(2);
    expect(html).toContain('datetime="2026-11-28T09:00:00.000Z"');
  });
});
