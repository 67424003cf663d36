/**
 * Turning a wire item into a draft, and what the editor then says of it.
 * The draft is made by the newsroom's own service (edit-article.ts
 * `createArticle`), so its revision, slug, search entry and bylines are
 * those of any new article; then the agency is its printed byline, the
 * agency's page its source URL, and the item is marked used by the editor.
 */
import type { ArticleId } from '../domain/article-id.js';
import { toArticleId } from '../domain/article-id.js';
import { FIELD_LIMITS } from '../domain/field-limits.js';
import { truncateWords } from '../arabic/truncate.js';
import { can, type Actor } from '../domain/roles.js';
import type { WireNotice } from '../domain/wire.js';
import { AppError } from '../lib/errors.js';
import {
  findWireItem,
  recordWireItemUse,
  releaseWireItem,
  reserveWireItem,
  sourceSectionOfItem,
  wireItemOfArticle,
  wireItemUse,
} from '../storage/repositories/wire-items.repository.js';
import type { Database } from '../storage/database.js';
import { createArticle, type EditDeps } from './edit-article.js';
import { paragraphsToHtml } from './body-html.js';

/** How long a reservation without a draft holds an item (its maker crashed past it), ms. */
const RESERVATION_MS = 60_000;

/**
 * Makes a draft of item `itemId` for `actor`: headline, body (the item's
 * sanitised body, or its summary as a paragraph when it has none),
 * excerpt from the summary (at most 600 characters, cut between words),
 * the item's section (or its source's), `actor` as byline user, the
 * agency as printed byline, the agency's page as source URL, and the
 * article linked to the item (`articles.wire_item_id`). The item is then
 * used: by `actor`, now.
 *
 * An item already used gives the draft made of it (no second draft), as
 * long as that article exists; two editors at once get one draft (the
 * item is reserved with one conditional UPDATE; the second is told
 * WIRE_ITEM_BUSY while the first's draft is being made).
 * @returns the draft's id.
 * @throws FORBIDDEN unless the actor may use the desk; WIRE_ITEM_NOT_FOUND;
 *   WIRE_ITEM_WITHDRAWN (409) when the agency's publishing status is
 *   `canceled` or `withheld` (even when a draft was made before: the editor
 *   finds it through the item page, which says the story was withdrawn);
 *   WIRE_ITEM_BUSY (409); what createArticle throws.
 */
export async function draftFromWireItem(
  deps: EditDeps,
  actor: Actor,
  itemId: string,
): Promise<{ articleId: ArticleId }> {
  if (!can(actor, 'wire.use'))
    throw new AppError('FORBIDDEN', 'Only editors make drafts of wire items.');
  const db = deps.database.db;
  const item = await findWireItem(db, itemId);
  if (!item) throw new AppError('WIRE_ITEM_NOT_FOUND', 'That item is not in the wire queue.');
  if (item.status !== 'usable')
    throw new AppError(
      'WIRE_ITEM_WITHDRAWN',
      item.status === 'canceled'
        ? 'The agency withdrew this item; it must not be published.'
        : 'The agency withheld this item for now; it must not be published yet.',
    );
  const use = await wireItemUse(db, item.id);
  if (use?.articleId && use.articleExists) return { articleId: toArticleId(use.articleId) };
  const now = deps.now();
  const reserved = await reserveWireItem(
    db,
    item.id,
    actor.id,
    now,
    new Date(now.getTime() - RESERVATION_MS),
    use?.articleId ?? null,
  );
  if (!reserved) {
    const other = await wireItemUse(db, item.id);
    if (other?.articleId && other.articleExists) return { articleId: toArticleId(other.articleId) };
    throw new AppError('WIRE_ITEM_BUSY', 'A draft is being made of this item right now.');
  }
  let articleId: ArticleId;
  try {
    const sectionId = item.section?.id ?? (await sourceSectionOfItem(db, item.id));
    articleId = await createArticle(deps, actor, {
      headline: item.headline,
      excerpt: truncateWords(item.summary, FIELD_LIMITS.excerpt, {
        maxCodePoints: FIELD_LIMITS.excerpt,
      }),
      bodyHtml: item.bodyHtml !== '' ? item.bodyHtml : paragraphsToHtml(paragraphs(item.summary)),
      slug: null,
      seoTitle: '',
      seoDescription: '',
      sectionId,
      tags: [],
      authorIds: [actor.id],
      featuredMediaId: null,
      featuredCaption: '',
      featuredCredit: '',
    });
  } catch (error) {
    await releaseWireItem(db, item.id, actor.id);
    throw error;
  }
  await db.transaction().execute((trx) =>
    recordWireItemUse(trx, item.id, String(articleId), {
      byline: truncateWords(item.agency, FIELD_LIMITS.byline, {
        maxCodePoints: FIELD_LIMITS.byline,
      }),
      sourceUrl: item.link,
    }),
  );
  return { articleId };
}

/** A summary's paragraphs (blank-line separated; else the whole as one). */
function paragraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/**
 * What the editor says of an article made from a wire item: the item, its
 * agency, its publishing status now (`canceled`/`withheld`: the agency
 * withdrew or withheld the story), and, when the agency changed the item
 * after the draft was made, when: our arrival time (`updatedAtSource`) and
 * the agency's time of the new version (`agencyUpdatedAt`, when it gave
 * one later than the use), and whether the article is published.
 * Null when the article came from no item still in the queue.
 */
export async function wireNoticeForArticle(
  deps: { database: Database },
  articleId: ArticleId | string,
): Promise<WireNotice | null> {
  const id = String(articleId);
  if (!/^[1-9][0-9]{0,18}$/.test(id)) return null;
  const found = await wireItemOfArticle(deps.database.db, id);
  if (!found) return null;
  const changedAfter = found.usedAt !== null && found.updatedAt.getTime() > found.usedAt.getTime();
  return {
    itemId: found.itemId,
    agency: found.agency,
    updatedAtSource: changedAfter ? found.updatedAt : null,
    // A feed may keep an item's first date when it changes it: a time not
    // after the use is not the new version's.
    agencyUpdatedAt:
      changedAfter &&
      found.sentAt !== null &&
      found.sentAt.getTime() > (found.usedAt?.getTime() ?? Infinity)
        ? found.sentAt
        : null,
    status: found.status,
    articlePublished: found.articlePublished,
  };
}
