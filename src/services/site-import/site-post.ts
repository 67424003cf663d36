/**
 * One post of a site export made into an article (or a static page) in
 * steps. Outside any transaction, `startPost` brings its images into the
 * media library and hands the body to be prepared (sanitised with the
 * editor's sanitiser and read for its text and search keys:
 * services/prepared-body.ts, on a worker thread during a large import),
 * and `finishPost` takes the prepared body and rewrites links between
 * articles; a batch's posts are all started before the first is finished,
 * so the main thread and the worker work at once. Then `writePosts`
 * (write-posts.ts) stores the batch inside one transaction.
 */
import { truncateWords } from '../../arabic/truncate.js';
import type { ArticleId } from '../../domain/article-id.js';
import { canonicalArticlePath } from '../../domain/article-path.js';
import { cleanLine, cleanText, FIELD_LIMITS } from '../../domain/field-limits.js';
import type { SiteCategory, SiteImage, SitePost, SiteSource } from '../../domain/site-import.js';
import type { DiskMap } from '../../lib/disk-map.js';
import { AppError } from '../../lib/errors.js';
import type { Db } from '../../storage/db.js';
import {
  findImportRecords,
  takenArticleIds,
} from '../../storage/repositories/site-import-batch.repository.js';
import type { TextKeys } from '../../search/index-keys.js';
import type { SearchIndex } from '../../search/search-index.js';
import { assertBodyHtmlWithinLimits } from '../body-html.js';
import type { BodyPreparer, PreparedOutcome } from '../prepared-body.js';
import { rewriteLinks, type LinkTargets } from './body-links.js';
import { pathsOfEarlierImports } from './earlier-links.js';
import type { StoredTaxonomy } from './import-taxonomy.js';
import { addMissingImage, type SiteImportReport } from './site-import-report.js';

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
  links: Omit<LinkTargets, 'pathOf' | 'earlierPathOf'>;
  images: SiteImages;
  /** The keys of the redirects stored so far by this import, each counted once (countImportRedirects); on disk. */
  redirectKeys: DiskMap;
  /** Sanitises and reads a body (prepared-body.ts), on this thread or a worker. */
  prepareBody: BodyPreparer;
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
  /** The search keys of the body's text, for the index. */
  bodySearchKeys: TextKeys;
}

/** A post whose images are in, and whose body is to be prepared. */
export interface StartedPost {
  post: SitePost;
  featured: PreparedPost['featured'];
  /** The body with its images from the media library, for `context.prepareBody`. */
  html: string;
}

/** The headline as stored: one line, at most the editor's limit (cut at a word). */
function headlineOf(post: SitePost, bodyText: string): string {
  const line =
    cleanLine(post.headline) ||
    truncateWords(bodyText, 80, { maxCodePoints: FIELD_LIMITS.headline }) ||
    'بلا عنوان';
  return limited(line, FIELD_LIMITS.headline);
}

/**
 * A one-line field cut to its limit at a word, between graphemes: at most
 * `max` code points (the unit of FIELD_LIMITS), the `…` included.
 */
export function limited(text: string, max: number): string {
  return truncateWords(cleanLine(text), max, { maxCodePoints: max });
}

/**
 * The new paths of the posts `keys` that are imported (this run's earlier
 * batches or an earlier run) or about to be (a WordPress id still free):
 * key → path; a key with neither is absent.
 */
async function pathsOfKeys(
  db: Db,
  context: PostContext,
  keys: readonly string[],
): Promise<Map<string, string>> {
  const paths = new Map<string, string>();
  const records = await findImportRecords(db, context.recordSource, keys);
  // A WordPress post keeps its id when it is free: a link to a later post can point there now.
  const later =
    context.source === 'wordpress'
      ? keys.filter((key) => !records.has(key) && /^[1-9][0-9]{0,18}$/.test(key))
      : [];
  const taken = await takenArticleIds(db, later as ArticleId[]);
  for (const key of keys) {
    const record = records.get(key);
    if (record !== undefined) paths.set(key, `/a/${record.articleId}`);
    else if (later.includes(key) && !taken.has(key)) paths.set(key, `/a/${key}`);
  }
  return paths;
}

/** `html` with links to other posts of the old site rewritten (body-links.ts): one lookup of each kind. */
async function withNewLinks(db: Db, html: string, context: PostContext): Promise<string> {
  const keys = new Set<string>();
  const earlier = new Set<string>();
  rewriteLinks(html, {
    ...context.links,
    pathOf: (key) => {
      keys.add(key);
      return null;
    },
    earlierPathOf: (path) => {
      earlier.add(path);
      return null;
    },
  });
  if (keys.size === 0 && earlier.size === 0) return html;
  const paths = await pathsOfKeys(db, context, [...keys]);
  const earlierPaths = await pathsOfEarlierImports(db, [...earlier]);
  return rewriteLinks(html, {
    ...context.links,
    pathOf: (key) => paths.get(key) ?? null,
    earlierPathOf: (path) => earlierPaths.get(path) ?? null,
  });
}

/**
 * A post's first step, outside any transaction: its body's images and its
 * featured image brought in (the report counts them).
 * @throws BodyHtmlRefused for a body over the editor's limits (the post is
 *   refused; nothing of it is stored).
 */
export async function startPost(post: SitePost, context: PostContext): Promise<StartedPost> {
  const html = cleanText(post.bodyHtml);
  assertBodyHtmlWithinLimits(html);
  const brought = await context.images.body(html);
  context.report.images.imported += brought.imported;
  for (const { url, reason } of brought.missing) addMissingImage(context.report, url, reason);
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
  return { post, featured, html: brought.html };
}

/**
 * A post's second step, outside any transaction, once `context.prepareBody`
 * gave `outcome` for its html: the prepared body with links between
 * articles rewritten, its headline and excerpt.
 * @throws what refused the body (BodyHtmlRefused; nothing of the post is
 *   stored but images already brought in).
 */
export async function finishPost(
  db: Db,
  started: StartedPost,
  outcome: PreparedOutcome,
  context: PostContext,
): Promise<PreparedPost> {
  if (!outcome.ok) throw outcome.error;
  const { post, featured } = started;
  const body = outcome.body;
  const bodyHtml = await withNewLinks(db, body.html, context);
  const excerpt = limited(post.excerpt, FIELD_LIMITS.excerpt) || body.excerpt || '';
  return {
    post,
    headline: headlineOf(post, body.text),
    bodyHtml,
    excerpt,
    featured,
    bodySearchKeys: body.searchKeys,
  };
}

/** The public path of an article or a static page. */
export function newPathOf(kind: SitePost['kind'], id: ArticleId, slug: string | null): string {
  return kind === 'page' && slug !== null
    ? `/p/${encodeURIComponent(slug)}`
    : canonicalArticlePath(id, slug);
}

/** The reason a post was refused, for the report; rethrows what is not a refusal of this post. */
export function refusalOf(error: unknown): string {
  if (error instanceof AppError && /^BODY_HTML_|^IMPORT_/.test(error.code)) return error.message;
  throw error;
}
