/**
 * What the Content API reads: published articles in pages that follow a
 * cursor, one article by id or slug, and the sections, tags and authors.
 * Only published content is ever returned, and only news articles: a
 * static page (kind `page`, `/p/<slug>`) is in no list and is not found by
 * id or slug. Pages have their own read-only routes (web/api/page-routes.ts).
 * An article comes with how many live updates it has (0 unless it has live
 * coverage), and a live article's updates are read a page at a time.
 */
import { parseArticleId } from '../domain/article-id.js';
import type { Article } from '../domain/article.js';
import type { LiveUpdate } from '../domain/live-coverage.js';
import { InvalidParameter } from '../lib/errors.js';
import {
  findArticleById,
  findPublishedIdBySlug,
  listLatest,
} from '../storage/repositories/articles.repository.js';
import {
  listPublishedIds,
  type ArticleCursor,
} from '../storage/repositories/article-pages.repository.js';
import type { ListingFilter } from '../storage/repositories/filters.js';
import { findSection } from '../storage/repositories/sections.repository.js';
import { findTagBySlug } from '../storage/repositories/tags.repository.js';
import { findUserBySlug } from '../storage/repositories/users.repository.js';
import { countLiveUpdates, listLiveUpdates } from './live-coverage.js';
import type { ReadDeps } from './read-pages.js';

/** Articles a page holds at most, and by default. */
export const API_PAGE_MAX = 100;
export const API_PAGE_DEFAULT = 20;

export interface ArticleListQuery {
  /** Slugs of a section, a tag and an author (a user's slug). */
  section?: string | undefined;
  tag?: string | undefined;
  author?: string | undefined;
  /** Only articles published at or after this instant. */
  since?: Date | undefined;
  /** 1 to API_PAGE_MAX. */
  limit: number;
  /** The `nextCursor` of the previous page. */
  cursor?: string | undefined;
}

/** Live updates a page holds at most, and by default. */
export const LIVE_UPDATES_PAGE_MAX = 100;
export const LIVE_UPDATES_PAGE_DEFAULT = 20;

/** An article as the API gives it: with how many live updates it has (0 when never live). */
export type ApiArticle = Article & { liveUpdateCount: number };

export interface ArticleListPage {
  articles: ApiArticle[];
  /** The cursor of the next page, or null on the last. */
  nextCursor: string | null;
}

/**
 * A cursor: base64url of `ISO time~id` (the time empty for an article of
 * unknown date). Opaque to clients; stable across releases of this format.
 */
export function encodeCursor(cursor: ArticleCursor): string {
  return Buffer.from(`${cursor.publishedAt?.toISOString() ?? ''}~${cursor.id}`).toString(
    'base64url',
  );
}

/** @throws InvalidParameter `cursor` when `raw` is not a cursor this API made. */
export function decodeCursor(raw: string): ArticleCursor {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)?~(\d{1,19})$/.exec(
    Buffer.from(raw, 'base64url').toString('utf8'),
  );
  const id = match ? parseArticleId(match[2] ?? '') : null;
  const publishedAt = match?.[1] ? new Date(match[1]) : null;
  if (!match || id === null || (publishedAt !== null && Number.isNaN(publishedAt.getTime())))
    throw new InvalidParameter('cursor', 'Use the nextCursor of a previous page.');
  return { id, publishedAt };
}

/**
 * The filter of `query`'s slugs. A section, tag or author with nothing
 * published is answered like an unknown one, as the reader site does
 * (read-pages.ts getListing): it may name an embargoed story, or a member
 * of staff who has no byline yet.
 * @throws InvalidParameter naming an unknown section, tag or author.
 */
async function filterOf(deps: ReadDeps, query: ArticleListQuery): Promise<ListingFilter> {
  const db = deps.database.db;
  const filter: ListingFilter = {};
  const shown = async (one: ListingFilter) => (await listLatest(db, 1, 0, one)).length > 0;
  if (query.section !== undefined) {
    const section = await findSection(db, { slug: query.section });
    if (!section || !(await shown({ sectionId: section.id })))
      throw new InvalidParameter('section', 'No section has this slug.');
    filter.sectionId = section.id;
  }
  if (query.tag !== undefined) {
    const tag = await findTagBySlug(db, query.tag);
    if (!tag || !(await shown({ tagId: tag.id })))
      throw new InvalidParameter('tag', 'No tag has this slug.');
    filter.tagId = tag.id;
  }
  if (query.author !== undefined) {
    const author = await findUserBySlug(db, query.author);
    if (!author || !(await shown({ authorId: author.id })))
      throw new InvalidParameter('author', 'No author has this slug.');
    filter.authorId = author.id;
  }
  return filter;
}

/**
 * A page of published articles, newest first.
 * @throws InvalidParameter for an unknown slug or a cursor this API did not make.
 */
export async function listArticlesForApi(
  deps: ReadDeps,
  query: ArticleListQuery,
): Promise<ArticleListPage> {
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  const keys = await listPublishedIds(deps.database.db, {
    filter: await filterOf(deps, query),
    ...(query.since ? { since: query.since } : {}),
    ...(after ? { after } : {}),
    limit: query.limit + 1,
  });
  const page = keys.slice(0, query.limit);
  const articles = await Promise.all(page.map((k) => findArticleById(deps.database.db, k.id)));
  const last = page[page.length - 1];
  return {
    articles: await Promise.all(
      articles.filter((a): a is Article => a !== null).map((a) => withUpdateCount(deps, a)),
    ),
    nextCursor: keys.length > query.limit && last ? encodeCursor(last) : null,
  };
}

/** `article` with its number of live updates (counted only when it has live coverage). */
async function withUpdateCount(deps: ReadDeps, article: Article): Promise<ApiArticle> {
  const liveUpdateCount = article.live === null ? 0 : await countLiveUpdates(deps, article.id);
  return { ...article, liveUpdateCount };
}

/** The published news article with this id (digits) or else this slug, or null. */
async function findPublishedArticle(deps: ReadDeps, idOrSlug: string): Promise<Article | null> {
  const id = parseArticleId(idOrSlug);
  const byId = id === null ? null : await findArticleById(deps.database.db, id);
  if (byId) return byId.kind === 'article' ? byId : null;
  const bySlug = await findPublishedIdBySlug(deps.database.db, idOrSlug);
  return bySlug === null ? null : findArticleById(deps.database.db, bySlug);
}

/** The published article with this id (digits) or else this slug, or null. */
export async function findArticleForApi(
  deps: ReadDeps,
  idOrSlug: string,
): Promise<ApiArticle | null> {
  const article = await findPublishedArticle(deps, idOrSlug);
  return article === null ? null : withUpdateCount(deps, article);
}

/** A page of a live article's updates. */
export interface LiveUpdatesPage {
  article: Article;
  /** Newest first (time, then number, descending). */
  updates: LiveUpdate[];
  /** Pass as `before` for the next page: the number of this page's last update; null on the last page. */
  nextBefore: number | null;
}

/**
 * The updates of the published article with this id or slug, newest first,
 * at most `limit` (1 to LIVE_UPDATES_PAGE_MAX), only those numbered below
 * `before` when given (the `nextBefore` of the page before). A published
 * article that never had live coverage has none: an empty page.
 * @returns null when no published news article has this id or slug.
 */
export async function listLiveUpdatesForApi(
  deps: ReadDeps,
  idOrSlug: string,
  query: { limit: number; before?: number | undefined },
): Promise<LiveUpdatesPage | null> {
  const article = await findPublishedArticle(deps, idOrSlug);
  if (article === null) return null;
  if (article.live === null) return { article, updates: [], nextBefore: null };
  const rows = await listLiveUpdates(deps, article.id, {
    limit: query.limit + 1,
    ...(query.before === undefined ? {} : { beforeNumber: query.before }),
  });
  const updates = rows.slice(0, query.limit);
  const last = updates[updates.length - 1];
  return {
    article,
    updates,
    nextBefore: rows.length > query.limit && last ? last.number : null,
  };
}
