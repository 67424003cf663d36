/**
 * The paths of an article and of a listing on the site, shared by the
 * pages, structured data, feeds, the API and webhooks.
 */

/** The path of an article page: `/a/<id>`, the short link. */
export function articlePath(id: string): string {
  return `/a/${id}`;
}

/**
 * The canonical path of an article: `/a/<id>/<slug>` with the Arabic slug
 * percent-encoded (RFC 3986 §2.1, UTF-8), or the short link when it has no slug.
 */
export function canonicalArticlePath(id: string, slug: string | null): string {
  return slug ? `/a/${id}/${encodeURIComponent(slug)}` : articlePath(id);
}

/**
 * The path of a static page: `/p/<slug>`, the Arabic slug percent-encoded
 * (RFC 3986 §2.1, UTF-8).
 */
export function pagePath(slug: string): string {
  return `/p/${encodeURIComponent(slug)}`;
}

/** What a section, tag or author page lists. */
export type ListingKind = 'section' | 'tag' | 'author';

/**
 * The path of a listing page: `/<kind>/<slug>`, the slug percent-encoded,
 * with `?page=<n>` past the first page.
 */
export function listingPath(kind: ListingKind, slug: string, page = 1): string {
  const base = `/${kind}/${encodeURIComponent(slug)}`;
  return page > 1 ? `${base}?page=${page}` : base;
}

/**
 * The lite version of a page (issue 22): no web font, no script, images as
 * links. `/lite/` is the home page (`?page=<n>` its older pages),
 * `/lite/a/<id>` an article, `/lite/section/<slug>` a section.
 */
export const litePath = {
  home: (page = 1): string => (page > 1 ? `/lite/?page=${page}` : '/lite/'),
  article: (id: string): string => `/lite/a/${id}`,
  section: (slug: string, page = 1): string => `/lite${listingPath('section', slug, page)}`,
} as const;
