/**
 * Storing an article that an importer has read: created or updated (never
 * duplicated), its related links resolved by headline, and earlier links
 * that were waiting for it resolved too. All in one transaction: an
 * article is saved whole or not at all.
 */
import { importWarning, type ImportWarning } from './import-warning.js';
import { headlineMatchKey } from '../arabic/normalize.js';
import { slugify } from '../arabic/slug.js';
import { truncateWords } from '../arabic/truncate.js';
import type { ArticleId } from '../domain/article-id.js';
import type { PublishedPrecision } from '../domain/article.js';
import type { Transaction } from 'kysely';
import {
  cleanLine,
  cleanText,
  describeTooLong,
  FIELD_LIMITS,
  tooLong,
} from '../domain/field-limits.js';
import { AppError } from '../lib/errors.js';
import type { Database } from '../storage/database.js';
import type { Schema } from '../storage/tables/schema.js';
import {
  insertArticle,
  updateArticle,
  type StoredIdentity,
} from '../storage/repositories/article-imports.repository.js';
import {
  replaceRelatedLinks,
  resolveLinksTo,
  type RelatedLinkWrite,
} from '../storage/repositories/related-links.repository.js';
import { ensureSection } from '../storage/repositories/sections.repository.js';
import { refreshPlannerStatistics } from '../storage/statistics.js';
import { searchIndexFor } from '../search/index-for.js';
import { assertBodyHtmlWithinLimits, BodyHtmlRefused, paragraphsToHtml } from './body-html.js';
import { findImportMatch } from './find-import-match.js';
import { freeArticleSlug, importSlugBase, type SlugHints } from './article-slug.js';

/** Longest excerpt made from the first paragraph, in graphemes. */
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
  /** `day` when the source printed a date without a time. */
  publishedPrecision: PublishedPrecision;
  /** `HH:MM` printed on the source when its date is unknown. */
  publishedLocalTime: string | null;
  views: number;
  sourceUrl: string | null;
  /**
   * The source's own slug (decoded, as written); null when it gives none.
   * Either way the article gets one, from the headline when needed.
   */
  slug: string | null;
  /**
   * How the stored article it updates is found (find-import-match.ts):
   * `identity` (the default) by id, source URL, then headline, as the
   * seed site's captures and datasets need; `sourceUrl` by its source URL
   * alone, else a new article (saved pages of any site, whose headlines
   * repeat from day to day and whose numbers are not our ids).
   */
  matchBy?: 'identity' | 'sourceUrl';
}

export interface SaveResult {
  id: ArticleId;
  action: 'created' | 'updated';
  /** Links of other articles that now point at this one. */
  linksResolvedToIt: number;
  /** Notes for the person importing, e.g. that a stored date was kept. */
  notes: ImportWarning[];
}

export interface SaveDeps {
  database: Database;
  now: () => Date;
}

/** The codes of the refusals that concern one article alone (a batch goes on without it). */
const ARTICLE_REFUSALS = ['IMPORT_ID_TAKEN', 'IMPORT_FIELD_TOO_LONG'];

/**
 * The article's text as stored: one-line fields (headline, byline, section,
 * related headlines) cleaned by `cleanLine`, paragraphs by `cleanText`
 * (characters XML 1.0 forbids removed), so that every importer stores what
 * the editor would.
 */
function cleanImported(article: ImportedArticle): ImportedArticle {
  const orNull = (value: string | null) => (value === null ? null : cleanLine(value) || null);
  return {
    ...article,
    headline: cleanLine(article.headline),
    paragraphs: article.paragraphs.map((p) => cleanText(p).trim()).filter((p) => p !== ''),
    readAlso: article.readAlso.map((r) => ({ ...r, headline: cleanLine(r.headline) })),
    moreHeadlines: article.moreHeadlines.map(cleanLine),
    byline: orNull(article.byline),
    sectionName: orNull(article.sectionName),
  };
}

/**
 * AppError IMPORT_FIELD_TOO_LONG (422) when a field is longer than the
 * editor allows (domain/field-limits.ts); its message names the field, the
 * length and the limit: `headline: 3000000 characters, at most 300`.
 */
function assertWithinLimits(article: ImportedArticle): void {
  const problem =
    tooLong('headline', article.headline) ??
    (article.sectionName === null ? null : tooLong('sectionName', article.sectionName)) ??
    (article.byline === null ? null : tooLong('byline', article.byline)) ??
    [...article.readAlso.map((r) => r.headline), ...article.moreHeadlines]
      .map((h) => tooLong('headline', h))
      .find((p) => p !== null) ??
    null;
  if (problem) {
    throw new AppError('IMPORT_FIELD_TOO_LONG', describeTooLong(problem));
  }
}

/**
 * Creates or updates the article (see find-import-match.ts for which stored
 * article it is). Its text is cleaned as the editor cleans it first. An update never erases what was known: a stored date,
 * byline, section or source URL stays when the new copy lacks it, and the
 * view count never goes down.
 * @throws AppError `IMPORT_ID_TAKEN` when the id belongs to another story,
 *   `IMPORT_FIELD_TOO_LONG` when a field is over its limit; BodyHtmlRefused
 *   (`BODY_HTML_TOO_LARGE`) for a body over the limits; database errors.
 *   Nothing is written then.
 */
export async function saveImportedArticle(
  deps: SaveDeps,
  article: ImportedArticle,
): Promise<SaveResult> {
  return deps.database.db.transaction().execute((trx) => saveWithin(trx, deps, article, new Map()));
}

/** The outcome of one article of a batch: saved, or refused with the reason. */
export type BatchOutcome = { ok: true; result: SaveResult } | { ok: false; error: AppError };

/**
 * Saves many articles in one transaction (imports of thousands of
 * articles). An article refused for its own reasons (an id taken by
 * another story, a field or a body over its limit) is reported and skipped; the others are saved. A database
 * error rolls the whole batch back and is thrown.
 */
export async function saveImportedArticles(
  deps: SaveDeps,
  articles: readonly ImportedArticle[],
): Promise<BatchOutcome[]> {
  return deps.database.db.transaction().execute(async (trx) => {
    const outcomes: BatchOutcome[] = [];
    const slugHints: SlugHints = new Map();
    for (const article of articles) {
      try {
        outcomes.push({ ok: true, result: await saveWithin(trx, deps, article, slugHints) });
      } catch (error) {
        // Refusals happen before anything of the article is written.
        if (
          !(error instanceof AppError && ARTICLE_REFUSALS.includes(error.code)) &&
          !(error instanceof BodyHtmlRefused)
        )
          throw error;
        outcomes.push({ ok: false, error });
      }
    }
    return outcomes;
  });
}

/**
 * Ends an import that stored articles: refreshes the query planner's
 * statistics (storage/statistics.ts), so that PostgreSQL plans for the
 * tables' new size at once rather than after autovacuum's delay.
 */
export async function finishImport(deps: Pick<SaveDeps, 'database'>): Promise<void> {
  await refreshPlannerStatistics(deps.database);
}

async function saveWithin(
  trx: Transaction<Schema>,
  deps: SaveDeps,
  source: ImportedArticle,
  slugHints: SlugHints,
): Promise<SaveResult> {
  const article = cleanImported(source);
  assertWithinLimits(article);
  // Paragraphs are escaped, one element deep: only their size can be over the limits.
  const bodyHtml = paragraphsToHtml(article.paragraphs);
  assertBodyHtmlWithinLimits(bodyHtml);
  const now = deps.now();
  const headlineKey = headlineMatchKey(article.headline);
  const { stored, notes } = await findImportMatch(trx, {
    id: article.id,
    sourceUrl: article.sourceUrl,
    headlineKey,
    ...(article.matchBy === undefined ? {} : { matchBy: article.matchBy }),
  });
  const sectionName = article.sectionName === null ? '' : slugify(article.sectionName);
  const section =
    article.sectionName === null || sectionName === ''
      ? null
      : await ensureSection(trx, { slug: sectionName, name: article.sectionName }, now);
  const keepStoredDate =
    stored !== null && article.publishedAt === null && stored.publishedAt !== null;
  if (keepStoredDate) {
    notes.push(
      importWarning(
        'IMPORT_STORED_DATE_KEPT',
        'This copy has no publish date, so the stored one was kept.',
      ),
    );
  }
  const write = {
    slug: await slugOf(trx, article, stored, slugHints),
    headline: article.headline,
    headlineKey,
    excerpt: truncateWords(article.paragraphs[0] ?? '', EXCERPT_LENGTH, {
      maxCodePoints: FIELD_LIMITS.excerpt,
    }),
    bodyHtml,
    sectionId: section?.id ?? stored?.sectionId ?? null,
    byline: article.byline ?? stored?.byline ?? null,
    publishedAt: keepStoredDate ? stored.publishedAt : article.publishedAt,
    publishedPrecision: keepStoredDate ? stored.publishedPrecision : article.publishedPrecision,
    publishedLocalTime: keepStoredDate ? stored.publishedLocalTime : article.publishedLocalTime,
    viewCount: article.views,
    sourceUrl: article.sourceUrl ?? stored?.sourceUrl ?? null,
  };
  const id = stored?.id ?? (await insertArticle(trx, article.id, write, now));
  if (stored) await updateArticle(trx, stored.id, write, now);
  await searchIndexFor(deps.database).indexArticle(trx, id, write);
  await replaceRelatedLinks(trx, id, relatedLinksOf(article));
  const linksResolvedToIt = await resolveLinksTo(trx, id, headlineKey);
  return { id, action: stored ? 'updated' : 'created', linksResolvedToIt, notes };
}

/**
 * The stored article's slug, kept as it is (its address may be shared); else
 * a new one as the newsroom makes it (services/article-slug.ts); null when
 * neither the source's slug nor the headline has a letter or digit.
 */
async function slugOf(
  trx: Transaction<Schema>,
  article: ImportedArticle,
  stored: StoredIdentity | null,
  hints: SlugHints,
): Promise<string | null> {
  if (stored?.slug) return stored.slug;
  const base = importSlugBase(article.slug, article.headline);
  return base === '' ? null : freeArticleSlug(trx, base, stored?.id ?? null, hints);
}

function relatedLinksOf(article: ImportedArticle): RelatedLinkWrite[] {
  return [
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
}
