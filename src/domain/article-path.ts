/**
 * The paths of an article on the site, shared by the pages, feeds, the API
 * and webhooks.
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
