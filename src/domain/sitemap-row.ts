/**
 * What a sitemap says of a published article: plain data, no I/O
 * (storage/repositories/sitemap-articles.repository.ts reads it,
 * web/site/sitemaps.routes.ts writes it as XML).
 */
import type { ArticleId } from './article-id.js';
import type { ArticleKind } from './article.js';

/** What a sitemap says of an article. */
export interface SitemapRow {
  id: ArticleId;
  /** An article (at its canonical `/a/<id>/<slug>`) or a static page (at `/p/<slug>`). */
  kind: ArticleKind;
  slug: string | null;
  headline: string;
  publishedAt: Date | null;
  updatedAt: Date;
}
