/**
 * A Ghost export's checked tables (ghost-tables.ts) as the shared shape
 * the import service takes (domain/site-import.ts `SiteExport`).
 *
 * - Authors: every user; a post's bylines in `posts_authors` order
 *   (`sort_order`), or its `author_id` (Ghost 1–2, or a post without rows).
 * - Tags: public tags only; a post's tags in `posts_tags` order, the first
 *   being Ghost's primary tag. Ghost has no categories: no sections.
 * - Feeds: the site's `/rss/`, each public tag's `/tag/{slug}/rss/`, each
 *   author's `/author/{slug}/rss/` (an author feed goes to the site's feed:
 *   Midad has none per author).
 * - Links between posts: each old path as a path, with Ghost's
 *   `__GHOST_URL__` placeholder before it (how Ghost 4+ stores its own
 *   links), percent-encoded as well when the slug is not ASCII, and under
 *   the site's address when it is known.
 * - Tally: skipped rows by reason (`type «…»`, `status «…»`), comments (Ghost
 *   5's native comments, not imported), cards dropped from bodies by name
 *   as `shortcodes` (`card «product»`, `card «signup»`…), and notes: posts
 *   kept unpublished because they were e-mail-only, posts that were for
 *   members only, bylines naming no user, and posts whose body or dates
 *   could not be read (at most MAX_POST_NOTES, then how many more).
 *
 * The posts are mapped here, once: the export is in memory already
 * (read-export-json.ts), and `posts()` yields them again on each call.
 */
import type { SiteExport, SiteFeedPath, SitePost, SiteTally } from '../../domain/site-import.js';
import { toSiteAuthor } from './map-authors.js';
import { toSitePost } from './map-ghost-post.js';
import { isPublicTag, toSiteTag } from './map-tags.js';
import type { GhostTables } from './ghost-tables.js';

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

function addLinkTargets(
  targets: Map<string, string>,
  post: SitePost,
  siteUrl: string | null,
): void {
  const add = (address: string) => {
    if (!targets.has(address)) targets.set(address, post.key);
  };
  for (const path of post.oldPaths) {
    for (const spelled of new Set([path, encodedPath(path)])) {
      add(spelled);
      add(`${GHOST_URL}${spelled}`);
      if (siteUrl !== null) add(`${siteUrl}${spelled}`);
    }
  }
  if (post.sourceUrl !== null) add(post.sourceUrl);
}

/**
 * The site export of `tables`; `siteUrl` (without a trailing slash) when
 * the person importing names the old site's address, which a Ghost export
 * does not hold (it is in `settings`, never read), else null.
 */
export function mapGhostExport(tables: GhostTables, siteUrl: string | null): SiteExport {
  const tally: SiteTally = {
    skipped: new Map(),
    comments: tables.commentCount,
    shortcodes: new Map(),
    missingImages: [],
    notes: [],
  };
  const authors = tables.users.map(toSiteAuthor);
  const userIds = new Set(authors.map((author) => author.key));
  const publicTags = tables.tags.filter(isPublicTag).map(toSiteTag);
  const publicTagIds = new Set(publicTags.map((tag) => tag.key));
  const metaByPost = new Map(tables.postsMeta.map((meta) => [meta.post_id, meta]));
  const authorsByPost = orderedByPost(tables.postsAuthors, (row) => row.author_id, userIds);
  const tagsByPost = orderedByPost(tables.postsTags, (row) => row.tag_id, publicTagIds);

  let missingAuthors = 0;
  const posts: SitePost[] = [];
  const problems: string[] = [];
  let emailOnly = 0;
  let membersOnly = 0;
  for (const row of tables.posts) {
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
      tagKeysOf: (id) => tagsByPost.get(id) ?? [],
      siteUrl,
      cards: { dropCard: (name) => increment(tally.shortcodes, `card «${name}»`) },
    });
    if ('skipped' in outcome) {
      increment(tally.skipped, outcome.skipped);
      continue;
    }
    const { post } = outcome;
    posts.push(post);
    if (row.status === 'sent') emailOnly++;
    if (row.visibility !== null && row.visibility !== 'public') membersOnly++;
    for (const problem of outcome.problems) {
      problems.push(`post ${post.key} «${post.slug || post.headline}»: ${problem}`);
    }
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

  const feeds: SiteFeedPath[] = [
    { oldPath: '/rss/', of: { kind: 'site' } },
    ...publicTags
      .filter((tag) => tag.slug !== '')
      .map((tag): SiteFeedPath => ({
        oldPath: `/tag/${tag.slug}/rss/`,
        of: { kind: 'tag', key: tag.key },
      })),
    ...authors
      .filter((author) => author.slug !== '')
      .map((author): SiteFeedPath => ({
        oldPath: `/author/${author.slug}/rss/`,
        of: { kind: 'site' },
      })),
  ];
  const linkTargets = new Map<string, string>();
  for (const post of posts) addLinkTargets(linkTargets, post, siteUrl);

  return {
    source: 'ghost',
    siteUrl,
    authors,
    categories: [],
    tags: publicTags,
    feeds,
    linkTargets,
    postCount: posts.length,
    async *posts() {
      yield* posts;
    },
    tally,
  };
}
