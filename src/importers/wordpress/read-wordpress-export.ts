/**
 * A WordPress export (WXR 1.0–1.2) read into the shape the import
 * service takes (`SiteExport`, domain/site-import.ts), in two passes over
 * the file: pass 1 (export-index.ts) reads it whole, refusing a malformed
 * or unsafe file before anything is written, and gathers authors, terms,
 * attachments and addresses (on disk); `posts()` reads it again and
 * yields each post and page as it comes, holding no more than one at a
 * time. `close()` deletes the scratch files.
 */
import type { SiteExport, SiteFeedPath, SitePost, SiteTally } from '../../domain/site-import.js';
import { DiskMap } from '../../lib/disk-map.js';
import { siteFolder, underFolder } from '../site-folder.js';
import { checkStamp } from '../file-stamp.js';
import { indexWordPressExport, WORDPRESS_EXPORT, type ExportIndex } from './export-index.js';
import { classifyItem, isPasswordProtected } from './item-class.js';
import { POST_META_KEYS, VIEWS_META_KEYS } from './post-meta.js';
import { postKeyOf } from './post-key.js';
import { missingImagesNote, toSitePost, type PostContext } from './to-site-post.js';
import { checkTimeZone } from './wxr-date.js';
import { readWxrRecords } from './wxr-thread.js';

/** How to read the export. */
export interface WordPressReadOptions {
  /** The old site's IANA time zone, for local dates without their GMT twin. */
  timeZone: string;
  /** Custom post types imported as articles (`product`, `news`). */
  postTypes: readonly string[];
  /** Postmeta keys counted as views besides VIEWS_META_KEYS. */
  viewsMetaKeys: readonly string[];
}

/**
 * The site feeds WordPress serves and the format each now leads to: its
 * root rewrite rules (`feed/(feed|rdf|rss|rss2|atom)/?$` and
 * `(feed|rdf|rss|rss2|atom)/?$`, WP_Rewrite::rewrite_rules), the comments
 * feed and the old `wp-*.php` feed files core still ships. The query form
 * (`/?feed=atom`) is answered by the reader site's rule for old addresses
 * (domain/old-address-rules.ts), as `/feed/atom/`.
 */
export const SITE_FEED_PATHS: ReadonlyArray<readonly [string, 'rss' | 'atom']> = [
  ['/feed/', 'rss'],
  ['/feed/rss/', 'rss'],
  ['/feed/rss2/', 'rss'],
  ['/feed/atom/', 'atom'],
  ['/feed/rdf/', 'rss'],
  ['/rss/', 'rss'],
  ['/rss2/', 'rss'],
  ['/atom/', 'atom'],
  ['/rdf/', 'rss'],
  ['/comments/feed/', 'rss'],
  ['/wp-rss2.php', 'rss'],
  ['/wp-rss.php', 'rss'],
  ['/wp-atom.php', 'atom'],
  ['/wp-rdf.php', 'rss'],
  ['/wp-commentsrss2.php', 'rss'],
];

/**
 * The WordPress export at `file`, read (pass 1 done).
 * @throws AppError IMPORT_FILE_MALFORMED (the message names line and
 *   column), IMPORT_FILE_UNSAFE, IMPORT_FILE_TOO_LARGE; `posts()` throws
 *   IMPORT_FILE_CHANGED when the file changed since. RangeError when
 *   `options.timeZone` is not a time zone.
 */
export async function readWordPressExport(
  file: string,
  options: WordPressReadOptions,
): Promise<SiteExport> {
  checkTimeZone(options.timeZone);
  const index = await indexWordPressExport(file, options);
  const tally: SiteTally = {
    skipped: new Map(),
    comments: 0,
    shortcodes: new Map(),
    notes: [],
    missingImages: [],
  };
  // Paths built from the site's root go under the folder it lived in (`/blog/feed/`).
  const folder = siteFolder(index.siteUrl);
  const under = <T extends { oldPaths: string[] }>(item: T): T => underFolder(folder, item);
  const feeds: SiteFeedPath[] = [
    ...SITE_FEED_PATHS.map(([oldPath, format]): SiteFeedPath => ({
      oldPath,
      of: { kind: 'site' },
      format,
    })),
    ...index.categories.feeds('category'),
    ...index.tags.feeds('tag'),
    ...index.authors.feeds(),
  ].map((feed) => ({ ...feed, oldPath: `${folder}${feed.oldPath}` }));
  return {
    source: 'wordpress',
    siteUrl: index.siteUrl,
    authors: index.authors.list().map(under),
    categories: index.categories.categories().map(under),
    tags: index.tags.tags().map(under),
    feeds,
    linkTargets: index.linkTargets,
    postCount: index.postCount,
    tally,
    posts: () => readPosts(file, index, options, tally),
    close: () => index.close(),
  };
}

/** Pass 2: the posts in file order; the tally is started afresh. */
async function* readPosts(
  file: string,
  index: ExportIndex,
  options: WordPressReadOptions,
  tally: SiteTally,
): AsyncGenerator<SitePost> {
  await checkStamp(file, index.stamp, WORDPRESS_EXPORT);
  tally.skipped.clear();
  tally.shortcodes.clear();
  tally.missingImages.length = 0;
  tally.comments = 0;
  tally.notes.splice(0, tally.notes.length, ...index.notes);
  const viewsMetaKeys = [...VIEWS_META_KEYS, ...options.viewsMetaKeys];
  const metaKeys = new Set([...POST_META_KEYS, ...viewsMetaKeys]);
  const skip = (reason: string): void => {
    tally.skipped.set(reason, (tally.skipped.get(reason) ?? 0) + 1);
  };
  const seen = new DiskMap();
  let protectedPosts = 0;
  const context: PostContext = {
    index,
    timeZone: options.timeZone,
    viewsMetaKeys,
    tally,
    missingImages: { count: 0, examples: [] },
  };
  try {
    for await (const record of readWxrRecords(file, { content: true, metaKeys })) {
      if (record.kind !== 'item') continue;
      const item = record.item;
      tally.comments += item.comments;
      const itemClass = classifyItem(item.fields, options.postTypes);
      if (!itemClass.post) {
        skip(itemClass.reason);
        continue;
      }
      const key = postKeyOf(item.fields);
      if (key === null) skip('no post ID');
      else if (!seen.setIfAbsent(key, '')) skip('duplicate post ID');
      else {
        if (itemClass.status === 'private' && isPasswordProtected(item.fields)) protectedPosts += 1;
        yield toSitePost(item, key, itemClass, context);
      }
    }
  } finally {
    seen.close();
  }
  await checkStamp(file, index.stamp, WORDPRESS_EXPORT);
  if (protectedPosts > 0) {
    tally.notes.push(`Password-protected posts, kept unpublished (private): ${protectedPosts}.`);
  }
  const note = missingImagesNote(context.missingImages);
  if (note !== null) tally.notes.push(note);
}
