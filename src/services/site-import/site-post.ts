/**
 * One post of a site export made into an article (or a static page) in
 * two steps: `preparePost` does the slow work outside any transaction (its
 * images brought into the media library, the body sanitised with the
 * editor's sanitiser, links between articles rewritten), then `writePost`
 * stores it inside the batch's transaction: created, updated from an
 * earlier import, or kept when the newsroom edited it since.
 */
import { headlineMatchKey } from '../../arabic/normalize.js';
import { slugify } from '../../arabic/slug.js';
import { truncateWords } from '../../arabic/truncate.js';
import type { ArticleId } from '../../domain/article-id.js';
import { canonicalArticlePath } from '../../domain/article-path.js';
import { cleanLine, cleanText, FIELD_LIMITS } from '../../domain/field-limits.js';
import { firstParagraphText, htmlToText } from '../../domain/html-text.js';
import type { SiteCategory, SiteImage, SitePost, SiteSource } from '../../domain/site-import.js';
import { AppError } from '../../lib/errors.js';
import type { Db } from '../../storage/db.js';
import {
  replaceAuthors,
  replaceTags,
  slugTaken,
} from '../../storage/repositories/newsroom-articles.repository.js';
import { findIdentityBySourceUrl } from '../../storage/repositories/article-imports.repository.js';
import {
  articleIdTaken,
  findArticleState,
  findImportRecord,
  insertSiteArticle,
  saveImportRecord,
  updateSiteArticle,
  type SiteArticleWrite,
} from '../../storage/repositories/site-import.repository.js';
import type { SearchIndex } from '../../search/search-index.js';
import { assertBodyHtmlWithinLimits } from '../body-html.js';
import type { BodySanitizer } from '../sanitizer-pool.js';
import { saveImportRedirects } from '../redirects.js';
import { rewriteLinks, type LinkTargets } from './body-links.js';
import { categoryAsTag, type StoredTaxonomy } from './import-taxonomy.js';
import {
  addMissingImage,
  countImportRedirects,
  noteEmptyBody,
  type SiteImportReport,
} from './site-import-report.js';

/** A featured image brought in, or why it could not be. */
export type ImageOutcome = { ok: true; mediaId: string } | { ok: false; reason: string };

/** How a post's images reach the media library (site-images.ts). */
export interface SiteImages {
  /** The featured image as a media item, or why not. */
  featured(image: SiteImage): Promise<ImageOutcome>;
  /** The body with its images brought in and pointing at the library; missing ones removed. */
  body(html: string): Promise<{
    html: string;
    imported: number;
    missing: ReadonlyArray<{ url: string; reason: string }>;
  }>;
}

/** What every post of one import shares. */
export interface PostContext {
  source: SiteSource;
  /**
   * What import records are kept under: the system and the old site's
   * address (`wordpress https://old.example`), so that post 101 of another
   * site is another article, never an update of this one's.
   */
  recordSource: string;
  taxonomy: StoredTaxonomy;
  categories: ReadonlyMap<string, SiteCategory>;
  links: Omit<LinkTargets, 'pathOf'>;
  /** Item key → article id of the posts imported so far (this run and earlier ones). */
  imported: Map<string, ArticleId>;
  images: SiteImages;
  /** The keys of the redirects stored so far by this import, each counted once (countImportRedirects). */
  redirectKeys: Set<string>;
  sanitize: BodySanitizer;
  searchIndex: SearchIndex;
  report: SiteImportReport;
  now: Date;
}

/** A post ready to be written: every slow step done. */
export interface PreparedPost {
  post: SitePost;
  headline: string;
  bodyHtml: string;
  excerpt: string;
  featured: { mediaId: string; caption: string } | null;
}

/** The headline as stored: one line, at most the editor's limit (cut at a word). */
function headlineOf(post: SitePost, bodyText: string): string {
  const line = cleanLine(post.headline) || truncateWords(bodyText, 80) || 'بلا عنوان';
  return [...line].length > FIELD_LIMITS.headline
    ? truncateWords(line, FIELD_LIMITS.headline)
    : line;
}

/** A one-line field cut to its limit at a word. */
function limited(text: string, max: number): string {
  const line = cleanLine(text);
  return [...line].length > max ? truncateWords(line, max) : line;
}

/** The new path of a post imported or about to be (its WordPress id free), else null. */
async function pathOfKey(db: Db, context: PostContext, key: string): Promise<string | null> {
  const known = context.imported.get(key);
  if (known !== undefined) return `/a/${known}`;
  // A WordPress post keeps its id when it is free: a link to a later post can point there now.
  if (context.source === 'wordpress' && /^[1-9][0-9]{0,18}$/.test(key)) {
    return (await articleIdTaken(db, key as ArticleId)) ? null : `/a/${key}`;
  }
  return null;
}

/** `html` with links to other posts of the old site rewritten (body-links.ts). */
async function withNewLinks(db: Db, html: string, context: PostContext): Promise<string> {
  const keys = new Set<string>();
  rewriteLinks(html, {
    ...context.links,
    pathOf: (key) => {
      keys.add(key);
      return null;
    },
  });
  if (keys.size === 0) return html;
  const paths = new Map<string, string | null>();
  for (const key of keys) paths.set(key, await pathOfKey(db, context, key));
  return rewriteLinks(html, { ...context.links, pathOf: (key) => paths.get(key) ?? null });
}

/**
 * Does a post's slow work outside any transaction.
 * @throws BodyHtmlRefused for a body over the editor's limits (the post is
 *   refused; nothing of it is stored but images already brought in).
 */
export async function preparePost(
  db: Db,
  post: SitePost,
  context: PostContext,
): Promise<PreparedPost> {
  let html = cleanText(post.bodyHtml);
  assertBodyHtmlWithinLimits(html);
  const brought = await context.images.body(html);
  html = brought.html;
  context.report.images.imported += brought.imported;
  for (const { url, reason } of brought.missing) addMissingImage(context.report, url, reason);
  const bodyHtml = await withNewLinks(db, await context.sanitize(html), context);
  let featured: PreparedPost['featured'] = null;
  if (post.featuredImage !== null) {
    const outcome = await context.images.featured(post.featuredImage);
    if (outcome.ok) {
      context.report.images.imported++;
      featured = {
        mediaId: outcome.mediaId,
        caption: limited(post.featuredImage.caption, FIELD_LIMITS.featuredCaption),
      };
    } else addMissingImage(context.report, post.featuredImage.url, outcome.reason);
  }
  const text = htmlToText(bodyHtml);
  const excerpt =
    limited(post.excerpt, FIELD_LIMITS.excerpt) ||
    truncateWords(firstParagraphText(bodyHtml), 200) ||
    '';
  return { post, headline: headlineOf(post, text), bodyHtml, excerpt, featured };
}

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

/** `base`, or `base-2`, `base-3`…: the first slug no other article has. */
async function uniqueSlug(db: Db, base: string, id: ArticleId | null): Promise<string> {
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!(await slugTaken(db, slug, id))) return slug;
  }
}

/** The public path of an article or a static page. */
export function newPathOf(kind: SitePost['kind'], id: ArticleId, slug: string | null): string {
  return kind === 'page' && slug !== null
    ? `/p/${encodeURIComponent(slug)}`
    : canonicalArticlePath(id, slug);
}

/** The tag ids of a post, its tags then its other categories, each once. */
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
  return [...new Set(ids)].slice(0, FIELD_LIMITS.tags);
}

/**
 * Stores a prepared post inside the batch's transaction `db`, with its
 * bylines, tags, search entry, import record and redirects from its old
 * addresses. An article imported before and edited in the newsroom since
 * is kept as it is (reported). Counts what it did in the report.
 */
export async function writePost(
  db: Db,
  prepared: PreparedPost,
  context: PostContext,
): Promise<void> {
  const { post } = prepared;
  const report = context.report;
  const record = await findImportRecord(db, context.recordSource, post.key);
  const recorded = record === null ? null : await findArticleState(db, record.articleId);
  if (record !== null && recorded !== null) {
    if (recorded.updatedAt.getTime() !== record.articleUpdatedAt.getTime()) {
      report.kept.push({
        key: post.key,
        headline: prepared.headline,
        reason: `edited in the newsroom since it was imported; article ${record.articleId} was kept as it is`,
      });
      return;
    }
  }
  // Never imported from this site, but the same page came in before (a page capture of it).
  const sameSource =
    recorded === null && post.sourceUrl !== null
      ? await findIdentityBySourceUrl(db, post.sourceUrl)
      : null;
  const existingId =
    record !== null && recorded !== null ? record.articleId : (sameSource?.id ?? null);
  const stored = existingId === null ? null : await findArticleState(db, existingId);
  const id =
    existingId ??
    (post.preferredId !== null && !(await articleIdTaken(db, post.preferredId))
      ? post.preferredId
      : null);
  const base = slugify(post.slug) || slugify(prepared.headline);
  const slug = base === '' ? null : await uniqueSlug(db, base, existingId);
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
  let articleId: ArticleId;
  const created = existingId === null || stored === null;
  if (existingId !== null && stored !== null) {
    await updateSiteArticle(db, existingId, write, stored.viewCount);
    articleId = existingId;
    report.updated++;
  } else {
    articleId = await insertSiteArticle(db, id, write);
    report.created++;
  }
  const authorIds = [
    ...new Set(
      post.authorKeys
        .map((k) => context.taxonomy.authors.get(k)?.id)
        .filter((x): x is string => x !== undefined),
    ),
  ];
  await replaceAuthors(db, articleId, authorIds);
  await replaceTags(db, articleId, await tagIdsOf(db, post, context));
  // A new article has no entry yet: `fresh` spares a delete per post.
  await context.searchIndex.indexArticle(
    db,
    articleId,
    { headline: write.headline, bodyHtml: write.bodyHtml },
    { fresh: created },
  );
  await saveImportRecord(
    db,
    { source: context.recordSource, itemKey: post.key, articleId, articleUpdatedAt: updatedAt },
    context.now,
  );
  context.imported.set(post.key, articleId);
  if (post.kind === 'page') report.pages++;
  else report.articles[post.status]++;
  if (status === 'published')
    noteEmptyBody(report, { key: post.key, headline: write.headline }, write.bodyHtml);
  if (status === 'published' || status === 'scheduled') {
    const to = newPathOf(post.kind, articleId, slug);
    const rows = post.oldPaths.map((oldPath) => ({ oldPath, target: to }));
    countImportRedirects(
      report,
      context.redirectKeys,
      await saveImportRedirects(db, rows, context.now),
    );
  }
}

/** The reason a post was refused, for the report; rethrows what is not a refusal of this post. */
export function refusalOf(error: unknown): string {
  if (error instanceof AppError && /^BODY_HTML_|^IMPORT_/.test(error.code)) return error.message;
  throw error;
}
