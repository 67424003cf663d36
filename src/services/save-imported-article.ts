/**
 * Storing an article that an importer has read: created or updated (never
 * duplicated), its related links resolved by headline, and earlier links
 * that were waiting for it resolved too. All in one transaction: an
 * article is saved whole or not at all.
 */
import { headlineMatchKey } from '../arabic/normalize.js';
import { slugify } from '../arabic/slug.js';
import { truncateWords } from '../arabic/truncate.js';
import type { ArticleId } from '../domain/article-id.js';
import type { Database } from '../storage/database.js';
import {
  findExistingArticleId,
  insertArticle,
  updateArticle,
} from '../storage/repositories/articles.repository.js';
import {
  replaceRelatedLinks,
  resolveLinksTo,
  type RelatedLinkWrite,
} from '../storage/repositories/related-links.repository.js';
import { ensureSection } from '../storage/repositories/sections.repository.js';
import { paragraphsToHtml } from './body-html.js';

/** Longest excerpt made from the first paragraph, in characters. */
export const EXCERPT_LENGTH = 200;

/** An article as an importer hands it over: clean text, no HTML. */
export interface ImportedArticle {
  /** The source's own numeric id, kept as ours; null lets the database choose. */
  id: ArticleId | null;
  headline: string;
  paragraphs: string[];
  readAlso: Array<{ headline: string; afterParagraph: number }>;
  moreHeadlines: string[];
  byline: string | null;
  sectionName: string | null;
  publishedAt: Date | null;
  /** `HH:MM` printed on the source when its date is unknown. */
  publishedLocalTime: string | null;
  views: number;
  sourceUrl: string | null;
}

export interface SaveResult {
  id: ArticleId;
  action: 'created' | 'updated';
  /** Links of other articles that now point at this one. */
  linksResolvedToIt: number;
}

export interface SaveDeps {
  database: Database;
  now: () => Date;
}

/**
 * Creates or updates the article. It is matched by id, else by source URL,
 * else by headline key. A stored view count is never lowered.
 * @throws whatever the database throws; nothing is then written.
 */
export async function saveImportedArticle(
  deps: SaveDeps,
  article: ImportedArticle,
): Promise<SaveResult> {
  const now = deps.now();
  const headlineKey = headlineMatchKey(article.headline);
  const links: RelatedLinkWrite[] = [
    ...article.readAlso.map((r) => ({
      kind: 'read_also' as const,
      headline: r.headline,
      headlineKey: headlineMatchKey(r.headline),
      afterParagraph: r.afterParagraph,
    })),
    ...article.moreHeadlines.map((headline) => ({
      kind: 'more' as const,
      headline,
      headlineKey: headlineMatchKey(headline),
      afterParagraph: null,
    })),
  ];

  return deps.database.db.transaction().execute(async (trx) => {
    const section =
      article.sectionName === null || slugify(article.sectionName) === ''
        ? null
        : await ensureSection(
            trx,
            { slug: slugify(article.sectionName), name: article.sectionName },
            now,
          );
    const write = {
      headline: article.headline,
      headlineKey,
      excerpt: truncateWords(article.paragraphs[0] ?? '', EXCERPT_LENGTH),
      bodyHtml: paragraphsToHtml(article.paragraphs),
      sectionId: section?.id ?? null,
      byline: article.byline,
      publishedAt: article.publishedAt,
      publishedLocalTime: article.publishedLocalTime,
      viewCount: article.views,
      sourceUrl: article.sourceUrl,
    };
    const existing = await findExistingArticleId(trx, {
      id: article.id,
      sourceUrl: article.sourceUrl,
      headlineKey,
    });
    let id: ArticleId;
    if (existing === null) {
      id = await insertArticle(trx, article.id, write, now);
    } else {
      id = existing;
      await updateArticle(trx, id, write, now);
    }
    await replaceRelatedLinks(trx, id, links);
    const linksResolvedToIt = await resolveLinksTo(trx, id, headlineKey);
    return { id, action: existing === null ? 'created' : 'updated', linksResolvedToIt };
  });
}
