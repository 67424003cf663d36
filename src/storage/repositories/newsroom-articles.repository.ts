/**
 * Articles as the newsroom edits them: content, status, bylines, tags,
 * scheduling, breaking-news expiry and preview tokens.
 */
import { toArticleId, type ArticleId } from '../../domain/article-id.js';
import type { ArticleContent, EditableArticle } from '../../domain/editable-article.js';
import type { NewsroomListItem } from '../../domain/newsroom-list.js';
import { toArticleKind, type ArticleKind } from '../../domain/article.js';
import { isRole } from '../../domain/roles.js';
import { isArticleStatus, type ArticleStatus } from '../../domain/workflow.js';
import type { Placement } from '../../domain/public-change.js';
import type { Db } from '../db.js';
import type { DbInt } from '../tables/schema.js';
import { hasByline } from './filters.js';
import { bindId, fromDate, toArticleIdValue, toDate, toDateOrNull, toIdString } from './convert.js';

/** Columns of `articles` written from an ArticleContent. */
function contentColumns(content: ArticleContent, headlineKey: string, excerpt: string) {
  return {
    headline: content.headline,
    headline_key: headlineKey,
    excerpt,
    body_html: content.bodyHtml,
    slug: content.slug,
    seo_title: content.seoTitle,
    seo_description: content.seoDescription,
    section_id: content.sectionId === null ? null : bindId(content.sectionId),
    featured_media_id: content.featuredMediaId === null ? null : bindId(content.featuredMediaId),
    featured_caption: content.featuredCaption,
    featured_credit: content.featuredCredit,
    ...(content.byline === undefined
      ? {}
      : { byline: content.byline === '' ? null : content.byline }),
  };
}

/** The article with its bylines and tags, whatever its status, or null. */
export async function findEditableArticle(db: Db, id: ArticleId): Promise<EditableArticle | null> {
  const row = await db
    .selectFrom('articles')
    .selectAll()
    .where('id', '=', bindId(id))
    .executeTakeFirst();
  if (!row) return null;
  const status = isArticleStatus(row.status) ? row.status : 'draft';
  const [authors, tags, unpublisher] = await Promise.all([
    db
      .selectFrom('article_authors')
      .select('user_id')
      .where('article_id', '=', bindId(id))
      .orderBy('position')
      .execute(),
    db
      .selectFrom('article_tags')
      .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
      .select('tags.name')
      .where('article_tags.article_id', '=', bindId(id))
      .orderBy('article_tags.position')
      .execute(),
    status === 'unpublished'
      ? db
          .selectFrom('article_events as e')
          .innerJoin('users as u', 'u.id', 'e.user_id')
          .select('u.role')
          .where('e.article_id', '=', bindId(id))
          .where('e.move', '=', 'unpublish')
          .orderBy('e.id', 'desc')
          .limit(1)
          .executeTakeFirst()
      : Promise.resolve(undefined),
  ]);
  return {
    id,
    kind: toArticleKind(row.kind),
    status,
    headline: row.headline,
    excerpt: row.excerpt,
    bodyHtml: row.body_html,
    slug: row.slug,
    seoTitle: row.seo_title,
    seoDescription: row.seo_description,
    sectionId: row.section_id === null ? null : toIdString(row.section_id),
    tags: tags.map((t) => t.name),
    authorIds: authors.map((a) => toIdString(a.user_id)),
    featuredMediaId: row.featured_media_id === null ? null : toIdString(row.featured_media_id),
    featuredCaption: row.featured_caption,
    featuredCredit: row.featured_credit,
    byline: row.byline ?? '',
    publishedAt: toDateOrNull(row.published_at),
    scheduledAt: toDateOrNull(row.scheduled_at),
    breakingUntil: toDateOrNull(row.breaking_until),
    createdBy: row.created_by === null ? null : toIdString(row.created_by),
    updatedAt: toDate(row.updated_at),
    unpublishedByRole: unpublisher && isRole(unpublisher.role) ? unpublisher.role : null,
  };
}

/** Inserts a draft of `kind` (default: a news article); the database assigns the id. */
export async function insertDraft(
  db: Db,
  input: {
    content: ArticleContent;
    headlineKey: string;
    excerpt: string;
    createdBy: string;
    kind?: ArticleKind;
  },
  now: Date,
): Promise<ArticleId> {
  const row = await db
    .insertInto('articles')
    .values({
      ...contentColumns(input.content, input.headlineKey, input.excerpt),
      kind: input.kind ?? 'article',
      status: 'draft',
      created_by: bindId(input.createdBy),
      created_at: fromDate(now),
      updated_at: fromDate(now),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return toArticleIdValue(row.id);
}

/** Writes the article's content. */
export async function updateContent(
  db: Db,
  id: ArticleId,
  input: { content: ArticleContent; headlineKey: string; excerpt: string },
  now: Date,
): Promise<void> {
  await db
    .updateTable('articles')
    .set({
      ...contentColumns(input.content, input.headlineKey, input.excerpt),
      updated_at: fromDate(now),
    })
    .where('id', '=', bindId(id))
    .execute();
}

/**
 * Sets the status, and the publish and schedule times that go with it, if
 * the article is still in the `expected` status: a compare-and-set, so that
 * two instances (or two editors) making a move at once make it once.
 * @returns false when the status had changed meanwhile (nothing is written).
 */
export async function updateStatus(
  db: Db,
  id: ArticleId,
  change: { status: ArticleStatus; publishedAt?: Date | null; scheduledAt?: Date | null },
  now: Date,
  expected: ArticleStatus,
): Promise<boolean> {
  const result = await db
    .updateTable('articles')
    .set({
      status: change.status,
      ...(change.publishedAt !== undefined
        ? {
            published_at: change.publishedAt === null ? null : fromDate(change.publishedAt),
            published_precision: 'minute',
            published_local_time: null,
          }
        : {}),
      ...(change.scheduledAt !== undefined
        ? { scheduled_at: change.scheduledAt === null ? null : fromDate(change.scheduledAt) }
        : {}),
      updated_at: fromDate(now),
    })
    .where('id', '=', bindId(id))
    .where('status', '=', expected)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Sets or clears the breaking-news flag's expiry. */
export async function updateBreakingUntil(
  db: Db,
  id: ArticleId,
  until: Date | null,
): Promise<void> {
  await db
    .updateTable('articles')
    .set({ breaking_until: until === null ? null : fromDate(until) })
    .where('id', '=', bindId(id))
    .execute();
}

/** Stores the digest of a new preview token (replacing the old one). */
export async function updatePreviewTokenHash(db: Db, id: ArticleId, hash: string): Promise<void> {
  await db
    .updateTable('articles')
    .set({ preview_token_hash: hash })
    .where('id', '=', bindId(id))
    .execute();
}

/** The article whose preview token has this digest, or null. */
export async function findArticleIdByPreviewHash(db: Db, hash: string): Promise<ArticleId | null> {
  const row = await db
    .selectFrom('articles')
    .select('id')
    .where('preview_token_hash', '=', hash)
    .executeTakeFirst();
  return row ? toArticleIdValue(row.id) : null;
}

/**
 * Removes a draft that was never saved (its first save was refused): its
 * bylines and the row, only while it is still a draft with nothing else
 * written for it (no revision, autosave or workflow event).
 */
export async function deleteUnsavedDraft(db: Db, id: ArticleId): Promise<void> {
  const key = bindId(id);
  const written = await Promise.all([
    db
      .selectFrom('article_revisions')
      .select('id')
      .where('article_id', '=', key)
      .limit(1)
      .execute(),
    db.selectFrom('article_events').select('id').where('article_id', '=', key).limit(1).execute(),
  ]);
  if (written.some((rows) => rows.length > 0)) return;
  await db.deleteFrom('article_authors').where('article_id', '=', key).execute();
  await db.deleteFrom('articles').where('id', '=', key).where('status', '=', 'draft').execute();
}

/** Replaces the bylines, in order. */
export async function replaceAuthors(
  db: Db,
  id: ArticleId,
  userIds: readonly string[],
): Promise<void> {
  await db.deleteFrom('article_authors').where('article_id', '=', bindId(id)).execute();
  let position = 0;
  for (const userId of userIds) {
    await db
      .insertInto('article_authors')
      .values({ article_id: bindId(id), user_id: bindId(userId), position: position++ })
      .execute();
  }
}

/** Replaces the tags, in order. */
export async function replaceTags(db: Db, id: ArticleId, tagIds: readonly string[]): Promise<void> {
  await db.deleteFrom('article_tags').where('article_id', '=', bindId(id)).execute();
  let position = 0;
  for (const tagId of tagIds) {
    await db
      .insertInto('article_tags')
      .values({ article_id: bindId(id), tag_id: bindId(tagId), position: position++ })
      .execute();
  }
}

/** Of `slugs`, those another article than `exceptId` has (one indexed query). */
export async function slugsTaken(
  db: Db,
  slugs: readonly string[],
  exceptId: ArticleId | null,
): Promise<Set<string>> {
  if (slugs.length === 0) return new Set();
  let query = db
    .selectFrom('articles')
    .select('slug')
    .where('slug', 'in', [...slugs]);
  if (exceptId !== null) query = query.where('id', '!=', bindId(exceptId));
  const rows = await query.execute();
  return new Set(rows.flatMap((row) => (row.slug === null ? [] : [row.slug])));
}

/** True when another article than `exceptId` has this slug. */
export async function slugTaken(
  db: Db,
  slug: string,
  exceptId: ArticleId | null,
): Promise<boolean> {
  let query = db.selectFrom('articles').select('id').where('slug', '=', slug);
  if (exceptId !== null) query = query.where('id', '!=', bindId(exceptId));
  return (await query.executeTakeFirst()) !== undefined;
}

/**
 * Articles for the newsroom's list, most recently changed first: all, or
 * those of one status, or those with one byline. News articles by default;
 * `kind: 'page'` lists the static pages instead.
 */
export async function listNewsroomArticles(
  db: Db,
  filter: {
    kind?: ArticleKind;
    status?: ArticleStatus;
    authorId?: string;
    /** Only headlines whose match key (see headlineMatchKey) contains this one. */
    headlineKey?: string;
    limit: number;
    offset: number;
  },
): Promise<NewsroomListItem[]> {
  let query = db
    .selectFrom('articles')
    .select([
      'id',
      'kind',
      'headline',
      'slug',
      'status',
      'updated_at',
      'published_at',
      'scheduled_at',
      'breaking_until',
      'created_at',
      'created_by',
      'byline',
    ])
    .where('kind', '=', filter.kind ?? 'article');
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.authorId) query = query.where(hasByline(filter.authorId));
  // Keys hold letters and digits only, so they need no LIKE escaping.
  if (filter.headlineKey) query = query.where('headline_key', 'like', `%${filter.headlineKey}%`);
  const rows = await query
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => BigInt(toIdString(r.id)));
  const bylines = await db
    .selectFrom('article_authors')
    .innerJoin('users', 'users.id', 'article_authors.user_id')
    .select(['article_authors.article_id', 'users.id as user_id', 'users.display_name'])
    .where('article_authors.article_id', 'in', ids)
    .orderBy('article_authors.position')
    .execute();
  const importedAt = await lastImports(
    db,
    rows.filter((r) => r.created_by === null),
  );
  // Articles made from a wire item the agency has since canceled or withheld.
  const withdrawn = new Map(
    (
      await db
        .selectFrom('articles')
        .innerJoin('wire_items', 'wire_items.id', 'articles.wire_item_id')
        .select(['articles.id', 'wire_items.pub_status'])
        .where('articles.id', 'in', ids)
        .where('wire_items.pub_status', 'in', ['canceled', 'withheld'])
        .execute()
    ).map(
      (r) => [toIdString(r.id), r.pub_status === 'canceled' ? 'canceled' : 'withheld'] as const,
    ),
  );
  return rows.map((row) => {
    const id = toIdString(row.id);
    const mine = bylines.filter((b) => toIdString(b.article_id) === id);
    return {
      id: toArticleId(id),
      kind: toArticleKind(row.kind),
      headline: row.headline,
      slug: row.slug,
      status: isArticleStatus(row.status) ? row.status : 'draft',
      updatedAt: toDate(row.updated_at),
      importedAt: importedAt.get(id) ?? null,
      publishedAt: toDateOrNull(row.published_at),
      scheduledAt: toDateOrNull(row.scheduled_at),
      breakingUntil: toDateOrNull(row.breaking_until),
      authorIds: mine.map((b) => toIdString(b.user_id)),
      authorNames: mine.map((b) => b.display_name),
      bylineText: mine.length === 0 && row.byline ? row.byline : null,
      wireWithdrawn: withdrawn.get(id) ?? null,
    };
  });
}

/**
 * When each of these imported articles (`created_by` null) was last
 * imported, for those no one has changed in the newsroom since, by id.
 * A WordPress or Ghost post's article is unchanged while its `updated_at`
 * is the one its import record wrote; it was imported at the record's
 * `imported_at`. A capture's or JSON Lines line's article has no record:
 * it is unchanged while it has no revision and no workflow event, and it
 * was imported at its creation, or at its `updated_at` when a re-import
 * (which sets it to the time of the import) came later.
 */
async function lastImports(
  db: Db,
  rows: ReadonlyArray<{ id: DbInt; created_at: string | Date; updated_at: string | Date }>,
): Promise<Map<string, Date>> {
  const found = new Map<string, Date>();
  if (rows.length === 0) return found;
  const ids = rows.map((r) => BigInt(toIdString(r.id)));
  const [records, revised, moved] = await Promise.all([
    db
      .selectFrom('import_records')
      .select(['article_id', 'article_updated_at', 'imported_at'])
      .where('article_id', 'in', ids)
      .execute(),
    db
      .selectFrom('article_revisions')
      .select('article_id')
      .distinct()
      .where('article_id', 'in', ids)
      .execute(),
    db
      .selectFrom('article_events')
      .select('article_id')
      .distinct()
      .where('article_id', 'in', ids)
      .execute(),
  ]);
  const changed = new Set([...revised, ...moved].map((r) => toIdString(r.article_id)));
  for (const row of rows) {
    const id = toIdString(row.id);
    const updatedAt = toDate(row.updated_at);
    const mine = records
      .filter((r) => toIdString(r.article_id) === id)
      .map((r) => ({ wrote: toDate(r.article_updated_at), at: toDate(r.imported_at) }))
      .sort((a, b) => b.at.getTime() - a.at.getTime());
    const latest = mine[0];
    if (latest) {
      if (latest.wrote.getTime() === updatedAt.getTime()) found.set(id, latest.at);
    } else if (!changed.has(id)) {
      const createdAt = toDate(row.created_at);
      found.set(id, updatedAt > createdAt ? updatedAt : createdAt);
    }
  }
  return found;
}

/** Ids of scheduled articles whose time has come, oldest first. */
export async function findDueScheduled(db: Db, now: Date): Promise<ArticleId[]> {
  const rows = await db
    .selectFrom('articles')
    .select('id')
    .where('status', '=', 'scheduled')
    .where('scheduled_at', '<=', fromDate(now))
    .orderBy('scheduled_at')
    .execute();
  return rows.map((r) => toArticleIdValue(r.id));
}

/** The kind of the article `id` (a news article or a static page), or null when there is none. */
export async function findArticleKind(db: Db, id: ArticleId): Promise<ArticleKind | null> {
  const row = await db
    .selectFrom('articles')
    .select('kind')
    .where('id', '=', bindId(id))
    .executeTakeFirst();
  return row ? toArticleKind(row.kind) : null;
}

/**
 * Where the article appears on the public site (its listings, its place in
 * them, its breaking-news flag), or null when it is not published.
 */
export async function findPlacement(db: Db, id: ArticleId): Promise<Placement | null> {
  const row = await db
    .selectFrom('articles')
    .select(['published_at', 'section_id', 'breaking_until'])
    .where('id', '=', bindId(id))
    .where('status', '=', 'published')
    .executeTakeFirst();
  if (!row || row.published_at === null) return null;
  const [tags, authors] = await Promise.all([
    db
      .selectFrom('article_tags')
      .select('tag_id')
      .where('article_id', '=', bindId(id))
      .orderBy('tag_id')
      .execute(),
    db
      .selectFrom('article_authors')
      .select('user_id')
      .where('article_id', '=', bindId(id))
      .orderBy('user_id')
      .execute(),
  ]);
  const breakingUntil = toDateOrNull(row.breaking_until);
  return {
    publishedAt: toDate(row.published_at).toISOString(),
    sectionId: row.section_id === null ? null : toIdString(row.section_id),
    tagIds: tags.map((t) => toIdString(t.tag_id)),
    authorIds: authors.map((a) => toIdString(a.user_id)),
    breakingUntil: breakingUntil === null ? null : breakingUntil.toISOString(),
  };
}
