/**
 * Ghost's tags as the old site's tags (domain/site-import.ts `SiteTag`).
 * Only public tags are: an internal tag (`visibility: 'internal'`, named
 * `#…`, Ghost docs "Tags: internal tags") only steered the old theme and
 * never had a page, so it is neither imported nor kept on posts.
 *
 * Old addresses are Ghost's default routes (`/tag/{slug}/`; its feed
 * `/tag/{slug}/rss/` is among the export's feeds, map-ghost-export.ts).
 */
import type { SiteTag } from '../../domain/site-import.js';
import { decodeSlug } from '../decode-slug.js';
import type { GhostTagRow } from './ghost-tables.js';

/** True for a tag that had a public page; Ghost 0.x exports have no `visibility` (all public). */
export function isPublicTag(tag: GhostTagRow): boolean {
  return (tag.visibility ?? 'public') === 'public' && !tag.name.trimStart().startsWith('#');
}

/** The tag of one public Ghost tag row. */
export function toSiteTag(tag: GhostTagRow): SiteTag {
  const slug = decodeSlug(tag.slug);
  return {
    key: tag.id,
    name: tag.name.trim() || slug,
    slug,
    description: tag.description.trim(),
    oldPaths: slug === '' ? [] : [`/tag/${slug}/`],
  };
}
