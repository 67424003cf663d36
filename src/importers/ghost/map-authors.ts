/**
 * Ghost's staff users as the old site's authors (domain/site-import.ts
 * `SiteAuthor`). Every user is kept, with or without posts: the export
 * does not tell which ones had a public author page, and an author
 * without articles costs one inactive account.
 *
 * Old addresses are Ghost's default routes (Ghost docs, "Routing":
 * `/author/{slug}/`; its feed `/author/{slug}/rss/` is among the export's
 * feeds, map-ghost-export.ts).
 */
import type { SiteAuthor } from '../../domain/site-import.js';
import { decodeSlug } from '../decode-slug.js';
import { plainDisplayName } from '../display-name.js';
import type { GhostUserRow } from './ghost-tables.js';

/** The author of one Ghost user row. */
export function toSiteAuthor(user: GhostUserRow): SiteAuthor {
  const slug = decodeSlug(user.slug);
  const email = user.email?.trim().toLowerCase() ?? '';
  return {
    key: user.id,
    displayName: plainDisplayName(user.name, slug),
    email: email === '' ? null : email,
    slug,
    bio: user.bio.trim(),
    oldPaths: slug === '' ? [] : [`/author/${slug}/`],
  };
}
