/**
 * Ghost's tags as the old site's sections and tags (domain/site-import.ts
 * `SiteCategory`, `SiteTag`). A post's first public tag (lowest
 * `sort_order` in `posts_tags`) is Ghost's `primary_tag`, which themes show
 * as the post's section (Ghost docs, "Tags: primary tag"): every tag that
 * is some post's primary tag becomes a section, as a WordPress category
 * does, and on the posts where it comes later it is a tag made from that
 * section (`categoryTagKeys`, as a WordPress second category). The other
 * tags stay tags. Only public tags are: an internal tag (`visibility: 'internal'`, named
 * `#…`, Ghost docs "Tags: internal tags") only steered the old theme and
 * never had a page, so it is neither imported nor kept on posts.
 *
 * Old addresses are Ghost's default routes (`/tag/{slug}/`; its feed
 * `/tag/{slug}/rss/` is among the export's feeds, map-ghost-export.ts).
 */
import type { SiteCategory, SiteTag } from '../../domain/site-import.js';
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

/** The section of a tag that is some post's primary tag; its old addresses stay Ghost's tag routes. */
export function toSiteSection(tag: GhostTagRow): SiteCategory {
  return { ...toSiteTag(tag), parentKey: null };
}

/** A post's section and tags (domain/site-import.ts `SitePost`). */
export interface GhostPostTerms {
  sectionKey: string | null;
  tagKeys: string[];
  categoryTagKeys: string[];
}

/**
 * The terms of a post whose public tags are `tagIds` in Ghost's order: the
 * first is its section; of the rest, tags that are sections elsewhere
 * (`sectionIds`) go to `categoryTagKeys`, the others to `tagKeys`.
 * @example postTerms(['t1', 't2', 't3'], new Set(['t1', 't3']))
 * // { sectionKey: 't1', tagKeys: ['t2'], categoryTagKeys: ['t3'] }
 */
export function postTerms(
  tagIds: readonly string[],
  sectionIds: ReadonlySet<string>,
): GhostPostTerms {
  const [primary, ...rest] = tagIds;
  return {
    sectionKey: primary ?? null,
    tagKeys: rest.filter((id) => !sectionIds.has(id)),
    categoryTagKeys: rest.filter((id) => sectionIds.has(id)),
  };
}
