/**
 * A Ghost export's checked tables (ghost-tables.ts) as the shared shape
 * the import service takes (domain/site-import.ts `SiteExport`).
 *
 * - Authors: every user; a post's bylines in `posts_authors` order
 *   (`sort_order`), or its `author_id` (Ghost 1–2, or a post without rows).
 * - Sections and tags: public tags only, in `posts_tags` order; a tag
 *   that is some post's primary tag (its first) is a section (map-tags.ts).
 * - Feeds: the site's `/rss/`, each public tag's `/tag/{slug}/rss/` (to its
 *   section's feed when it became a section), each
 *   author's `/author/{slug}/rss/`, each to the matching RSS feed here.
 * - Old addresses are under the folder of the site's address when it has
 *   one (`https://x.com/blog` gives `/blog/tag/x/`, `/blog/rss/`).
 * - Links between posts: each old path as a path, with Ghost's
 *   `__GHOST_URL__` placeholder before it (how Ghost 4+ stores its own
 *   links; it stands for the site's address, folder included),
 *   percent-encoded as well when the slug is not ASCII, and under the
 *   site's address when it is known.
 * - Tally: skipped rows by reason (`type «…»`, `status «…»`), comments (Ghost
 *   5's native comments, not imported), cards dropped from bodies by name
 *   as `shortcodes` (`card «product»`, `card «signup»`…), and notes: posts
 *   kept unpublished because they were e-mail-only, posts that were for
 *   members only, bylines naming no user, and posts whose body or dates
 *   could not be read (at most MAX_POST_NOTES, then how many more).
 *
 * Posts come in two passes (read-ghost-export.ts): pass 1 gives each
 * post's row without its body to indexGhostPost (how many posts, which old
 * addresses lead to each); `posts()` maps the rows of pass 2 one at a time
 * and fills the tally as it goes.
 */
import type {
  AddressIndex,
  SiteExport,
  SiteFeedPath,
  SitePost,
  SiteTally,
} from '../../domain/site-import.js';
import type { DiskMap } from '../../lib/disk-map.js';
import { siteFolder, underFolder } from '../site-folder.js';
import { toSiteAuthor } from './map-authors.js';
import { toSitePost } from './map-ghost-post.js';
import { isPublicTag, postTerms, toSiteSection, toSiteTag } from './map-tags.js';
import type { GhostPostRow, GhostTables } from './ghost-tables.js';

/** How many posts with a problem are named in the notes, one line each. */
export const MAX_POST_NOTES = 20;

/** The `__GHOST_URL__` placeholder Ghost 4+ writes before its own addresses in exports. */
export const GHOST_URL = '__GHOST_URL__';

/** Ids grouped by `post_id`, in `sort_order` then file order, without repeats, only those `keep` takes. */
function orderedByPost<R extends { post_id: string; sort_order: number }>(
  rows: readonly R[],
  idOf: (row: R) => string,
  keep: ReadonlySet<string>,
): Map<string, string[]> {
  const sorted = rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => a.row.sort_order - b.row.sort_order || a.index - b.index);
  const byPost = new Map<string, string[]>();
  for (const { row } of sorted) {
    const id = idOf(row);
    if (!keep.has(id)) continue;
    const ids = byPost.get(row.post_id) ?? [];
    if (!ids.includes(id)) ids.push(id);
    byPost.set(row.post_id, ids);
  }
  return byPost;
}

function increment(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** `/خبر/` → `/%D8%AE%D8%A8%D8%B1/`. */
function encodedPath(path: string): string {
  return path
    .split('/')
    .map((part) => encodeURIComponent(part))
    .join('/');
}

/** `post.oldPaths` are from the site's root, not yet under `folder`. */
function addLinkTargets(
  targets: DiskMap,
  post: SitePost,
  siteUrl: string | null,
  folder: string,
): void {
  const add = (address: string) => void targets.setIfAbsent(address, post.key);
  for (const path of post.oldPaths) {
    for (const spelled of new Set([path, encodedPath(path)])) {
      add(`${folder}${spelled}`);
      add(`${GHOST_URL}${spelled}`);
      if (siteUrl !== null) add(`${siteUrl}${spelled}`);
    }
  }
  if (post.sourceUrl !== null) add(post.sourceUrl);
}

/** What pass 1 learnt of the posts: how many there are, and the old addresses leading to each. */
export interface GhostPostIndex {
  postCount: number;
  /** Old addresses → post key (SiteExport.linkTargets), on disk. */
  linkTargets: DiskMap;
  /** The folder of the site's address (`/blog`), or '' (site-folder.ts), worked out once. */
  folder: string;
}

/** Nothing of the rest of the export: pass 1 maps a post only for its kind, status and addresses. */
const NO_LINKS = {
  metaOf: () => undefined,
  authorKeysOf: () => [],
  termsOf: () => ({ sectionKey: null, tagKeys: [], categoryTagKeys: [] }),
  cards: { dropCard: () => undefined },
};

/**
 * Pass 1: counts the post of `row` (its body left out) in `index` and adds
 * its old addresses, unless it is to be skipped. `siteUrl` as for mapGhostExport.
 */
export function indexGhostPost(
  index: GhostPostIndex,
  row: GhostPostRow,
  siteUrl: string | null,
): void {
  const outcome = toSitePost(row, { ...NO_LINKS, siteUrl });
  if ('skipped' in outcome) return;
  index.postCount++;
  addLinkTargets(index.linkTargets, outcome.post, siteUrl, index.folder);
}

/**
 * The site export of `tables`; `siteUrl` (without a trailing slash) when
 * the person importing names the old site's address, which a Ghost export
 * does not hold (it is in `settings`, never read), else null. `index` is
 * pass 1's; `rows()` reads the `posts` rows again, bodies and all, one at a
 * time (pass 2).
 */
export function mapGhostExport(
  tables: GhostTables,
  siteUrl: string | null,
  index: GhostPostIndex,
  rows: () => AsyncIterable<GhostPostRow>,
): SiteExport {
  const tally: SiteTally = {
    skipped: new Map(),
    comments: tables.commentCount,
    shortcodes: new Map(),
    missingImages: [],
    notes: [],
  };
  const folder = siteFolder(siteUrl);
  const under = <T extends { oldPaths: string[] }>(item: T): T => underFolder(folder, item);
  const authors = tables.users.map(toSiteAuthor);
  const userIds = new Set(authors.map((author) => author.key));
  const publicTagRows = tables.tags.filter(isPublicTag);
  const publicTagIds = new Set(publicTagRows.map((tag) => tag.id));
  const metaByPost = new Map(tables.postsMeta.map((meta) => [meta.post_id, meta]));
  const authorsByPost = orderedByPost(tables.postsAuthors, (row) => row.author_id, userIds);
  const tagsByPost = orderedByPost(tables.postsTags, (row) => row.tag_id, publicTagIds);
  const sectionIds = new Set([...tagsByPost.values()].flatMap((ids) => ids.slice(0, 1)));
  const sections = publicTagRows.filter((tag) => sectionIds.has(tag.id)).map(toSiteSection);
  const publicTags = publicTagRows.filter((tag) => !sectionIds.has(tag.id)).map(toSiteTag);

  async function* posts(): AsyncGenerator<SitePost> {
    tally.skipped.clear();
    tally.shortcodes.clear();
    tally.notes.splice(0);
    let missingAuthors = 0;
    const problems: string[] = [];
    let emailOnly = 0;
    let membersOnly = 0;
    for await (const row of rows()) {
      const outcome = toSitePost(row, {
        metaOf: (id) => metaByPost.get(id),
        authorKeysOf: (post) => {
          const keys = authorsByPost.get(post.id);
          if (keys !== undefined) return keys;
          if (post.author_id === null || post.author_id === undefined) return [];
          if (userIds.has(post.author_id)) return [post.author_id];
          missingAuthors++;
          return [];
        },
        termsOf: (id) => postTerms(tagsByPost.get(id) ?? [], sectionIds),
        siteUrl,
        cards: { dropCard: (name) => increment(tally.shortcodes, `card «${name}»`) },
      });
      if ('skipped' in outcome) {
        increment(tally.skipped, outcome.skipped);
        continue;
      }
      const { post } = outcome;
      if (row.status === 'sent') emailOnly++;
      if (row.visibility !== null && row.visibility !== 'public') membersOnly++;
      for (const problem of outcome.problems) {
        problems.push(`post ${post.key} «${post.slug || post.headline}»: ${problem}`);
      }
      yield under(post);
    }

    missingAuthors += tables.postsAuthors.filter((row) => !userIds.has(row.author_id)).length;
    const counted: ReadonlyArray<readonly [number, string]> = [
      [emailOnly, 'E-mail-only posts (Ghost status «sent»), never on the web, kept unpublished'],
      [membersOnly, 'Posts for members only on the old site, imported unpublished'],
      [missingAuthors, 'Bylines naming no user of the export, left out'],
    ];
    for (const [count, what] of counted) if (count > 0) tally.notes.push(`${what}: ${count}.`);
    tally.notes.push(...problems.slice(0, MAX_POST_NOTES));
    if (problems.length > MAX_POST_NOTES) {
      tally.notes.push(`… and ${problems.length - MAX_POST_NOTES} more problems in posts.`);
    }
  }

  const feeds: SiteFeedPath[] = [
    { oldPath: '/rss/', of: { kind: 'site' }, format: 'rss' } satisfies SiteFeedPath,
    ...[
      ...sections.map((section) => ({
        kind: 'category' as const,
        slug: section.slug,
        key: section.key,
        path: 'tag',
      })),
      ...publicTags.map((tag) => ({
        kind: 'tag' as const,
        slug: tag.slug,
        key: tag.key,
        path: 'tag',
      })),
      ...authors.map((author) => ({
        kind: 'author' as const,
        slug: author.slug,
        key: author.key,
        path: 'author',
      })),
    ]
      .filter((owner) => owner.slug !== '')
      .map(({ kind, slug, key, path }): SiteFeedPath => ({
        oldPath: `/${path}/${slug}/rss/`,
        of: { kind, key },
        format: 'rss',
      })),
  ].map((feed) => ({ ...feed, oldPath: `${folder}${feed.oldPath}` }));

  return {
    source: 'ghost',
    siteUrl,
    authors: authors.map(under),
    categories: sections.map(under),
    tags: publicTags.map(under),
    feeds,
    linkTargets: index.linkTargets satisfies AddressIndex,
    close: () => index.linkTargets.close(),
    postCount: index.postCount,
    posts,
    tally,
  };
}
