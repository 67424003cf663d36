/**
 * Links to posts of the old site that an earlier import brought in: a
 * large WordPress site is exported in date-range files, and a post of the
 * second file links to posts of the first. Those posts are no longer in
 * this export's own index, but the redirects stored for their old
 * addresses say where they are now.
 */
import { redirectKey } from '../../domain/redirect-path.js';
import type { Db } from '../../storage/db.js';
import { findRedirectsByKeys } from '../../storage/repositories/redirects.repository.js';

/**
 * A redirect target that is an article (`/a/<id>` or `/a/<id>/<slug>`), a
 * static page (`/p/<slug>`) or a section, tag or author listing
 * (`/section/<slug>`), as write-posts.ts and import-site.ts store them: a
 * feed, a later listing page or another site's URL is never a link's target.
 */
const NEW_PAGE = /^\/(?:a\/[1-9][0-9]*(?:\/[^/?#]+)?|(?:p|section|tag|author)\/[^/?#]+)$/;

/**
 * Where the redirects stored so far send the old site's paths `paths`
 * (each a path with its query, without a fragment: `/blog/?p=201`): path →
 * new path, for those whose redirect leads to an article, a page or a
 * listing; the others are absent. Any redirect counts, an import's or one
 * made in the newsroom (which wins over an import's for the same address):
 * it is where a reader following the old link would land. One query.
 */
export async function pathsOfEarlierImports(
  db: Db,
  paths: readonly string[],
): Promise<Map<string, string>> {
  const keyOf = new Map<string, string>();
  for (const path of paths) {
    const key = redirectKey(path);
    if (key !== null && key !== '/') keyOf.set(path, key);
  }
  const newPaths = new Map<string, string>();
  if (keyOf.size === 0) return newPaths;
  const redirects = await findRedirectsByKeys(db, [...keyOf.values()]);
  for (const [path, key] of keyOf) {
    const target = redirects.get(key)?.toPath;
    if (target !== undefined && NEW_PAGE.test(target)) newPaths.set(path, target);
  }
  return newPaths;
}
