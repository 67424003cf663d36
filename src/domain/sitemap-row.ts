/**
 * What a sitemap says of a published article: plain data, no I/O
 * (storage/repositories/sitemap-articles.repository.ts reads it,
 * web/site/sitemaps.routes.ts writes it as XML).
 */
import type { ArticleId } from './article-id.js';

/** What a sitemap says of an article. */
export interface SitemapRow {
  id: ArticleId;
  slug: string | null;
  headline: string;
  publishedAt: Date | null;
  updatedAt: Date;
}
