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
  /** Its last save of any kind (a silent one too): what decides the row's bytes. */
  updatedAt: Date;
  /**
   * The sitemap's `lastmod`: for a news article its public modification,
   * the dateModified readers see (modified_at, else the publish time, else
   * the last save), which a correction, an update note or a live update
   * moves and a silent edit does not; for a static page, which has no
   * notes, its last save.
   */
  lastModified: Date;
}
