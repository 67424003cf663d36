/**
 * Storing a batch of prepared posts (site-post.ts) inside the batch's
 * transaction: each becomes an article created, updated from an earlier
 * import, or kept when the newsroom edited it since; with its bylines,
 * tags, search entry, import record and redirects from its old addresses.
 *
 * What the posts need from the database is read for the whole batch at
 * once, and their bylines, tags, search entries, records and redirects are
 * written for the whole batch at once: about ten statements a batch plus
 * one per article, where a post at a time took seventeen a post. A post
 * that comes twice in one batch is stored once, as its last copy.
 */
import { headlineMatchKey } from '../../arabic/normalize.js';
import { importSlugBase } from '../article-slug.js';
import type { ArticleId } from '../../domain/article-id.js';
import { FIELD_LIMITS } from '../../domain/field-limits.js';
import { isBlankAlt } from '../../domain/media.js';
import type { SitePost } from '../../domain/site-import.js';
import type { Db } from '../../storage/db.js';
import { keepIdSequenceAhead } from '../../storage/dialects/id-sequence.js';
import {
  articleIdsBySourceUrl,
  articlesImportedFrom,
  findArticleStates,
  findImportRecords,
  saveCredits,
  saveImportRecords,
  slugOwners,
  takenArticleIds,
  type ArticleCredits,
  type ImportRecordWrite,
  type StoredArticleState,
} from '../../storage/repositories/site-import-batch.repository.js';
import {
  insertSiteArticle,
  updateSiteArticle,
  type SiteArticleWrite,
} from '../../storage/repositories/site-import.repository.js';
import { slugTaken } from '../../storage/repositories/newsroom-articles.repository.js';
import type { IndexEntry } from '../../search/search-index.js';
import { saveImportRedirects, type ImportRedirect } from '../redirects.js';
import { categoryAsTag } from './import-taxonomy.js';
import { countImportRedirects, noteEmptyBody, noteMissingAlt } from './site-import-report.js';
import { limited, newPathOf, type PostContext, type PreparedPost } from './site-post.js';

/** Midad's status for the old site's. */
function statusOf(post: SitePost): SiteArticleWrite['status'] {
  switch (post.status) {
    case 'published':
      return 'published';
    case 'scheduled':
      return 'scheduled';
    case 'pending':
      return 'pending';
    case 'private':
      return 'unpublished';
    case 'draft':
      return 'draft';
  }
}

/**
 * The tag ids of a post, its tags then its other categories, each once, at
 * most FIELD_LIMITS.tags (the rest noted in the report).
 */
async function tagIdsOf(db: Db, post: SitePost, context: PostContext): Promise<string[]> {
  const ids: string[] = [];
  for (const key of post.tagKeys) {
    const tag = context.taxonomy.tags.get(key);
    if (tag) ids.push(tag.id);
  }
  for (const key of post.categoryTagKeys) {
    const category = context.categories.get(key);
    if (category)
      ids.push((await categoryAsTag(db, context.taxonomy, category, context.report)).id);
  }
  const distinct = [...new Set(ids)];
  if (distinct.length > FIELD_LIMITS.tags) {
    context.report.notes.push(
      `Post ${post.key} has ${distinct.length} tags: the first ${FIELD_LIMITS.tags} are kept (an article carries ${FIELD_LIMITS.tags} at most), the other ${distinct.length - FIELD_LIMITS.tags} are not on it.`,
    );
  }
  return distinct.slice(0, FIELD_LIMITS.tags);
}

/** The byline user ids of a post, in order, each once. */
function authorIdsOf(post: SitePost, context: PostContext): string[] {
  const ids = post.authorKeys
    .map((key) => context.taxonomy.authors.get(key)?.id)
    .filter((id): id is string => id !== undefined);
  return [...new Set(ids)];
}

/** What the batch's posts need to know of the database, read once for the batch. */
interface BatchState {
  records: Awaited<ReturnType<typeof findImportRecords>>;
  /** Article states by id, of the articles the batch may update. */
  states: Map<string, StoredArticleState>;
  /** The article that has each of the posts' source URLs (a URL is one article's). */
  bySourceUrl: Map<string, ArticleId>;
  /** Of those, the articles this site's import made (another post's, not a page capture's). */
  importedHere: Set<string>;
  /** Of the posts' WordPress ids, those an article has. */
  takenIds: Set<string>;
  /** Slug → the id of the article that has it, for the posts' slugs. */
  slugs: Map<string, string>;
  /** An article was inserted with its own id since the id sequence was last moved past it. */
  sequenceBehind: boolean;
}

/** The slug a post asks for (its own when usable, else its headline's), or '' for none. */
function baseSlugOf(prepared: PreparedPost): string {
  return importSlugBase(prepared.post.slug, prepared.headline);
}

async function readBatchState(
  db: Db,
  batch: readonly PreparedPost[],
  context: PostContext,
): Promise<BatchState> {
  const records = await findImportRecords(
    db,
    context.recordSource,
    batch.map((p) => p.post.key),
  );
  const urls = batch.flatMap((p) => (p.post.sourceUrl === null ? [] : [p.post.sourceUrl]));
  const bySourceUrl = await articleIdsBySourceUrl(db, urls);
  const importedHere = await articlesImportedFrom(db, context.recordSource, [
    ...bySourceUrl.values(),
  ]);
  const states = await findArticleStates(db, [
    ...[...records.values()].map((r) => r.articleId),
    ...bySourceUrl.values(),
  ]);
  const preferred = batch.map((p) => p.post.preferredId).filter((id) => id !== null);
  return {
    records,
    states,
    bySourceUrl,
    importedHere,
    takenIds: await takenArticleIds(db, preferred),
    slugs: await slugOwners(
      db,
      batch.map(baseSlugOf).filter((slug) => slug !== ''),
    ),
    sequenceBehind: false,
  };
}

/** `base`, or `base-2`, `base-3`…: the first slug no other article has. */
async function uniqueSlug(
  db: Db,
  base: string,
  id: ArticleId | null,
  state: BatchState,
): Promise<string> {
  const owner = state.slugs.get(base);
  if (owner === undefined || (id !== null && owner === String(id))) return base;
  for (let n = 2; ; n++) {
    const slug = `${base}-${n}`;
    const known = state.slugs.get(slug);
    if (
      known !== undefined ? id !== null && known === String(id) : !(await slugTaken(db, slug, id))
    )
      return slug;
  }
}

/** What one post wrote, for the batch's writes that follow. */
interface Written {
  credits: ArticleCredits;
  index: IndexEntry;
  record: ImportRecordWrite;
  redirects: ImportRedirect[];
}

/**
 * Stores one post of the batch, or reports it kept. Updates `state` with
 * what it wrote, so that a later copy of the same post in the batch finds it.
 */
async function writeOne(
  db: Db,
  prepared: PreparedPost,
  context: PostContext,
  state: BatchState,
): Promise<Written | null> {
  const { post } = prepared;
  const report = context.report;
  const record = state.records.get(post.key);
  const recorded = record === undefined ? undefined : state.states.get(String(record.articleId));
  if (record !== undefined && recorded !== undefined) {
    if (recorded.updatedAt.getTime() !== record.articleUpdatedAt.getTime()) {
      report.kept.push({
        key: post.key,
        headline: prepared.headline,
        reason: `edited in the newsroom since it was imported; article ${record.articleId} was kept as it is`,
      });
      return null;
    }
  }
  // Never imported from this site, but the same page came in before (a page capture of it).
  const urlOwner = post.sourceUrl === null ? undefined : state.bySourceUrl.get(post.sourceUrl);
  const sameSource =
    recorded === undefined && urlOwner !== undefined && !state.importedHere.has(String(urlOwner))
      ? urlOwner
      : undefined;
  const existingId = recorded !== undefined ? record!.articleId : (sameSource ?? null);
  const stored = existingId === null ? undefined : state.states.get(String(existingId));
  const id =
    existingId ??
    (post.preferredId !== null && !state.takenIds.has(String(post.preferredId))
      ? post.preferredId
      : null);
  const base = baseSlugOf(prepared);
  const slug = base === '' ? null : await uniqueSlug(db, base, existingId, state);
  const status = statusOf(post);
  const updatedAt = post.modifiedAt ?? post.publishedAt ?? context.now;
  const write: SiteArticleWrite = {
    kind: post.kind,
    status,
    headline: prepared.headline,
    headlineKey: headlineMatchKey(prepared.headline),
    excerpt: prepared.excerpt,
    bodyHtml: prepared.bodyHtml,
    sectionId:
      post.kind === 'page' || post.sectionKey === null
        ? null
        : (context.taxonomy.sections.get(post.sectionKey)?.id ?? null),
    slug,
    seoTitle: limited(post.seoTitle, FIELD_LIMITS.seoTitle),
    seoDescription: limited(post.seoDescription, FIELD_LIMITS.seoDescription),
    featuredMediaId: prepared.featured?.mediaId ?? null,
    featuredCaption: prepared.featured?.caption ?? '',
    publishedAt: status === 'scheduled' ? null : post.publishedAt,
    scheduledAt: status === 'scheduled' ? post.publishedAt : null,
    viewCount: post.views,
    sourceUrl: post.sourceUrl,
    createdAt: post.publishedAt ?? context.now,
    updatedAt,
  };
  // Another post of the export has the same address (a URL is one article's): this one is
  // stored without it, and said so; the old address leads to the last of them (redirects).
  if (urlOwner !== undefined && String(urlOwner) !== String(existingId)) {
    write.sourceUrl = null;
    report.notes.push(
      `Post ${post.key} has the same address as an earlier post (${post.sourceUrl}): it is imported as an article of its own, and that old address leads to the last of them.`,
    );
  }
  let articleId: ArticleId;
  let viewCount = write.viewCount;
  if (existingId !== null && stored !== undefined) {
    viewCount = Math.max(stored.viewCount, write.viewCount);
    await updateSiteArticle(db, existingId, write, stored.viewCount);
    articleId = existingId;
    report.updated++;
  } else {
    if (id === null && state.sequenceBehind) {
      await keepIdSequenceAhead(db, 'articles');
      state.sequenceBehind = false;
    }
    articleId = await insertSiteArticle(db, id, write);
    state.sequenceBehind ||= id !== null;
    state.takenIds.add(String(articleId));
    report.created++;
  }
  if (slug !== null) state.slugs.set(slug, String(articleId));
  if (write.sourceUrl !== null) {
    state.bySourceUrl.set(write.sourceUrl, articleId);
    state.importedHere.add(String(articleId));
  }
  state.records.set(post.key, { articleId, articleUpdatedAt: updatedAt });
  state.states.set(String(articleId), { updatedAt, viewCount });
  if (post.kind === 'page') report.pages++;
  else report.articles[post.status]++;
  if (status === 'published') {
    const named = { key: post.key, headline: write.headline };
    noteEmptyBody(report, named, write.bodyHtml);
    const featuredWithoutAlt =
      write.featuredMediaId !== null && isBlankAlt(post.featuredImage?.alt);
    noteMissingAlt(report, named, write.bodyHtml, featuredWithoutAlt);
  }
  const to = newPathOf(post.kind, articleId, slug);
  return {
    credits: {
      articleId,
      replace: stored !== undefined,
      authorIds: authorIdsOf(post, context),
      tagIds: await tagIdsOf(db, post, context),
    },
    index: {
      id: articleId,
      text: { headline: write.headline, bodyHtml: write.bodyHtml },
      bodySearchKeys: prepared.bodySearchKeys,
      fresh: stored === undefined,
    },
    record: { itemKey: post.key, articleId, articleUpdatedAt: updatedAt },
    redirects:
      status === 'published' || status === 'scheduled'
        ? post.oldPaths.map((oldPath) => ({ oldPath, target: to }))
        : [],
  };
}

/**
 * Stores a batch of prepared posts inside the batch's transaction `db`.
 * Counts what it did in the report (created, updated, kept, redirects).
 */
export async function writePosts(
  db: Db,
  batch: readonly PreparedPost[],
  context: PostContext,
): Promise<void> {
  if (batch.length === 0) return;
  const state = await readBatchState(db, batch, context);
  const written: Written[] = [];
  // A post twice in the batch is written twice (its last copy wins) but credited once.
  const byArticle = new Map<string, number>();
  for (const prepared of batch) {
    const one = await writeOne(db, prepared, context, state);
    if (one === null) continue;
    const at = byArticle.get(String(one.credits.articleId));
    if (at === undefined) {
      byArticle.set(String(one.credits.articleId), written.length);
      written.push(one);
    } else {
      const first = written[at]!;
      written[at] = { ...one, credits: { ...one.credits, replace: first.credits.replace } };
    }
  }
  if (state.sequenceBehind) await keepIdSequenceAhead(db, 'articles');
  await saveCredits(
    db,
    written.map((w) => w.credits),
  );
  await context.searchIndex.indexArticles(
    db,
    written.map((w) => w.index),
  );
  await saveImportRecords(
    db,
    context.recordSource,
    written.map((w) => w.record),
    context.now,
  );
  const rows = written.flatMap((w) => w.redirects);
  countImportRedirects(
    context.report,
    context.redirectKeys,
    await saveImportRedirects(db, rows, context.now),
  );
}
