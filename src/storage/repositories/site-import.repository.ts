/**
 * What a WordPress or Ghost site import stores beyond what the editor
 * does: which article each post became (`import_records`), whole-article
 * writes with their status, kind and dates, imported authors (inactive
 * accounts), and sections with their parent. Functions take the query
 * builder (or a transaction) first.
 */
import type { ArticleId } from '../../domain/article-id.js';
import type { Section } from '../../domain/article.js';
import type { Db } from '../db.js';
import { bindId, fromDate, toArticleIdValue, toIdString } from './convert.js';

/** Which article a post of an earlier import became. */
export interface ImportRecord {
  articleId: ArticleId;
  /** The article's `updated_at` as that import wrote it: a later one means it was edited since. */
  articleUpdatedAt: Date;
}

/** Everything an imported post sets on its article. Times are UTC. */
export interface SiteArticleWrite {
  kind: 'article' | 'page';
  status: 'draft' | 'pending' | 'scheduled' | 'published' | 'unpublished';
  headline: string;
  headlineKey: string;
  excerpt: string;
  bodyHtml: string;
  sectionId: string | null;
  slug: string | null;
  seoTitle: string;
  seoDescription: string;
  featuredMediaId: string | null;
  featuredCaption: string;
  publishedAt: Date | null;
  scheduledAt: Date | null;
  /** A floor: a stored count is never lowered. */
  viewCount: number;
  sourceUrl: string | null;
  createdAt: Date;
  /** The article's last change as the newsroom will see it. */
  updatedAt: Date;
}

function columnsOf(write: SiteArticleWrite) {
  return {
    kind: write.kind,
    status: write.status,
    headline: write.headline,
    headline_key: write.headlineKey,
    excerpt: write.excerpt,
    body_html: write.bodyHtml,
    section_id: write.sectionId === null ? null : bindId(write.sectionId),
    byline: null,
    slug: write.slug,
    seo_title: write.seoTitle,
    seo_description: write.seoDescription,
    featured_media_id: write.featuredMediaId === null ? null : bindId(write.featuredMediaId),
    featured_caption: write.featuredCaption,
    published_at: write.publishedAt === null ? null : fromDate(write.publishedAt),
    published_precision: 'minute',
    published_local_time: null,
    scheduled_at: write.scheduledAt === null ? null : fromDate(write.scheduledAt),
    source_url: write.sourceUrl,
    updated_at: fromDate(write.updatedAt),
  };
}

/**
 * Inserts an imported post's article, with `id` when given (the caller
 * checked it is free), else the database's next id. After an insert with
 * an id, the caller calls keepIdSequenceAhead before the next insert
 * without one (PostgreSQL's sequence does not see given ids).
 * @returns the article's id.
 */
export async function insertSiteArticle(
  db: Db,
  id: ArticleId | null,
  write: SiteArticleWrite,
): Promise<ArticleId> {
  const row = await db
    .insertInto('articles')
    .values({
      ...(id === null ? {} : { id: bindId(id) }),
      ...columnsOf(write),
      view_count: write.viewCount,
      created_at: fromDate(write.createdAt),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return toArticleIdValue(row.id);
}

/** Rewrites an imported article with a newer copy; its view count only rises. */
export async function updateSiteArticle(
  db: Db,
  id: ArticleId,
  write: SiteArticleWrite,
  storedViews: number,
): Promise<void> {
  await db
    .updateTable('articles')
    .set({ ...columnsOf(write), view_count: Math.max(storedViews, write.viewCount) })
    .where('id', '=', bindId(id))
    .execute();
}

/**
 * The section with `slug`, or a new one with its name, parent and
 * description. An existing section keeps its name; it gains the parent
 * and description when it has none.
 */
export async function ensureSiteSection(
  db: Db,
  input: { slug: string; name: string; parentId: string | null; description: string },
  now: Date,
): Promise<{ section: Section; created: boolean }> {
  const existing = await db
    .selectFrom('sections')
    .select(['id', 'slug', 'name', 'parent_id', 'description'])
    .where('slug', '=', input.slug)
    .executeTakeFirst();
  if (existing) {
    const id = toIdString(existing.id);
    const parentId =
      existing.parent_id === null && input.parentId !== null && input.parentId !== id
        ? input.parentId
        : null;
    const description = existing.description === '' ? input.description : '';
    if (parentId !== null || description !== '') {
      await db
        .updateTable('sections')
        .set({
          ...(parentId !== null ? { parent_id: bindId(parentId) } : {}),
          ...(description !== '' ? { description } : {}),
        })
        .where('id', '=', bindId(id))
        .execute();
    }
    return { section: { id, slug: existing.slug, name: existing.name }, created: false };
  }
  const row = await db
    .insertInto('sections')
    .values({
      slug: input.slug,
      name: input.name,
      parent_id: input.parentId === null ? null : bindId(input.parentId),
      description: input.description,
      created_at: fromDate(now),
    })
    .returning(['id', 'slug', 'name'])
    .executeTakeFirstOrThrow();
  return { section: { id: toIdString(row.id), slug: row.slug, name: row.name }, created: true };
}

/** The tag with `slug`, else the one named `name`, else a new one. */
export async function ensureSiteTag(
  db: Db,
  input: { slug: string; name: string },
): Promise<{ id: string; slug: string; created: boolean }> {
  const existing =
    (await db
      .selectFrom('tags')
      .select(['id', 'slug'])
      .where('slug', '=', input.slug)
      .executeTakeFirst()) ??
    (await db
      .selectFrom('tags')
      .select(['id', 'slug'])
      .where('name', '=', input.name)
      .executeTakeFirst());
  if (existing) return { id: toIdString(existing.id), slug: existing.slug, created: false };
  const row = await db
    .insertInto('tags')
    .values({ slug: input.slug, name: input.name })
    .returning(['id', 'slug'])
    .executeTakeFirstOrThrow();
  return { id: toIdString(row.id), slug: row.slug, created: true };
}

/** The user with this (lower-cased) e-mail address or slug, as id and slug, or null. */
export async function findUserByEmailOrSlug(
  db: Db,
  email: string | null,
  slug: string,
): Promise<{ id: string; slug: string } | null> {
  if (email !== null) {
    const byEmail = await db
      .selectFrom('users')
      .select(['id', 'slug'])
      .where('email', '=', email)
      .executeTakeFirst();
    if (byEmail) return { id: toIdString(byEmail.id), slug: byEmail.slug };
  }
  const bySlug = await db
    .selectFrom('users')
    .select(['id', 'slug', 'email'])
    .where('slug', '=', slug)
    .executeTakeFirst();
  // An account with the same slug is the same author only when it was imported without an address.
  if (bySlug && (email === null || bySlug.email.endsWith('.invalid'))) {
    return { id: toIdString(bySlug.id), slug: bySlug.slug };
  }
  return null;
}

/**
 * Inserts an imported author: a deactivated account with `passwordHash`
 * that no password matches, so it serves as a byline and can never sign
 * in until an administrator activates it and sets a password.
 */
export async function insertImportedAuthor(
  db: Db,
  author: { email: string; displayName: string; slug: string; bio: string; passwordHash: string },
  now: Date,
): Promise<string> {
  const row = await db
    .insertInto('users')
    .values({
      email: author.email,
      display_name: author.displayName,
      slug: author.slug,
      role: 'author',
      status: 'deactivated',
      password_hash: author.passwordHash,
      bio: author.bio,
      created_at: fromDate(now),
      updated_at: fromDate(now),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return toIdString(row.id);
}

/** True when some user has `value` as e-mail address (`email`) or slug (`slug`). */
export async function userFieldTaken(
  db: Db,
  field: 'email' | 'slug',
  value: string,
): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').where(field, '=', value).executeTakeFirst();
  return row !== undefined;
}

/** The id of the oldest active administrator, or null when there is none. */
export async function firstAdministratorId(db: Db): Promise<string | null> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'administrator')
    .where('status', '=', 'active')
    .orderBy('id')
    .executeTakeFirst();
  return row ? toIdString(row.id) : null;
}
