/**
 * Related links ("read also" boxes and "more news" headlines) and their
 * resolution to stored articles by headline key (read back with the
 * article, by article-parts.repository.ts).
 */
import type { ArticleId, RelatedLink } from '../../domain/article.js';
import type { Db } from '../db.js';
import { bindId } from './convert.js';

/** A link as written: the headline it names and, for read-also, its place. */
export interface RelatedLinkWrite {
  kind: RelatedLink['kind'];
  headline: string;
  headlineKey: string;
  afterParagraph: number | null;
}

/**
 * Replaces the links of an article, resolving each to a stored news article
 * with the same headline key (never to the article itself, nor to a static page).
 */
export async function replaceRelatedLinks(
  db: Db,
  articleId: ArticleId,
  links: RelatedLinkWrite[],
): Promise<void> {
  await db.deleteFrom('related_links').where('article_id', '=', bindId(articleId)).execute();
  let position = 0;
  for (const link of links) {
    const target = await db
      .selectFrom('articles')
      .select('id')
      .where('headline_key', '=', link.headlineKey)
      .where('kind', '=', 'article')
      .where('id', '!=', bindId(articleId))
      .orderBy('id')
      .executeTakeFirst();
    await db
      .insertInto('related_links')
      .values({
        article_id: bindId(articleId),
        kind: link.kind,
        position: position++,
        after_paragraph: link.afterParagraph,
        headline: link.headline,
        headline_key: link.headlineKey,
        target_id: target ? BigInt(String(target.id)) : null,
      })
      .execute();
  }
}

/**
 * Points every unresolved link whose headline key is `headlineKey` at the
 * article `articleId` (which has just arrived). Returns how many were resolved.
 */
export async function resolveLinksTo(
  db: Db,
  articleId: ArticleId,
  headlineKey: string,
): Promise<number> {
  const result = await db
    .updateTable('related_links')
    .set({ target_id: bindId(articleId) })
    .where('headline_key', '=', headlineKey)
    .where('target_id', 'is', null)
    .where('article_id', '!=', bindId(articleId))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
