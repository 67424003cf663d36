/**
 * A short imported article numbered `n` ("الخبر n", one paragraph), for
 * tests of lists: its id, section and publish time given, the rest empty.
 */
import type { ArticleId } from '../../src/domain/article-id.js';
import type { ImportedArticle } from '../../src/services/save-imported-article.js';

export function numberedArticle(
  n: number,
  options: { id: string; sectionName: string | null; publishedAt: Date | null },
): ImportedArticle {
  return {
    id: options.id as ArticleId,
    headline: `الخبر ${n}`,
    paragraphs: [`نص الخبر ${n}.`],
    readAlso: [],
    moreHeadlines: [],
    byline: null,
    sectionName: options.sectionName,
    publishedAt: options.publishedAt,
    publishedPrecision: 'minute',
    publishedLocalTime: null,
    views: 0,
    sourceUrl: null,
    slug: null,
  };
}
