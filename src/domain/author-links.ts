/**
 * An author's links on their public page: their website and their accounts
 * on a few networks. Stored as a JSON array in `users.links`; the page
 * labels each link by its kind (the label is not stored, so it follows the
 * site's language).
 */
import { FIELD_LIMITS } from './field-limits.js';

/** The kinds of link an author may give, in the order a form lists them. */
export const AUTHOR_LINK_KINDS = [
  'website',
  'x',
  'facebook',
  'instagram',
  'telegram',
  'youtube',
  'linkedin',
] as const;
export type AuthorLinkKind = (typeof AUTHOR_LINK_KINDS)[number];

/** One link: what it is and where it goes (an absolute http(s) URL). */
export interface AuthorLink {
  kind: AuthorLinkKind;
  url: string;
}

/** The newsroom form field of the link of `kind` (`link-x`). */
export function linkField(kind: AuthorLinkKind): string {
  return `link-${kind}`;
}

/** True when `value` is a kind of link. */
export function isAuthorLinkKind(value: unknown): value is AuthorLinkKind {
  return typeof value === 'string' && (AUTHOR_LINK_KINDS as readonly string[]).includes(value);
}

/**
 * The links stored as `json` (a row's `links` column), skipping any entry
 * that is not a known kind with an http(s) URL: a damaged or hand-edited
 * row shows fewer links, never breaks a page.
 *
 * @example parseStoredLinks('[{"kind":"x","url":"https://x.com/a"}]')
 * // [{ kind: 'x', url: 'https://x.com/a' }]
 */
export function parseStoredLinks(json: string): AuthorLink[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  const links: AuthorLink[] = [];
  for (const entry of value as unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { kind, url } = entry as Record<string, unknown>;
    if (isAuthorLinkKind(kind) && typeof url === 'string' && linkUrlProblem(url) === null) {
      links.push({ kind, url });
    }
  }
  return links;
}

/** The stored form of `links` (the `users.links` column). */
export function serializeLinks(links: readonly AuthorLink[]): string {
  return JSON.stringify(links.map(({ kind, url }) => ({ kind, url })));
}

/** Why a link's URL is refused: not an absolute http(s) URL, or too long. */
export type LinkUrlProblem = 'not_http' | 'too_long';

/**
 * Checks one URL as typed (already trimmed): an absolute `http:` or `https:`
 * URL with a host, at most FIELD_LIMITS.authorLinkUrl characters. Other
 * schemes (`javascript:`, `data:`, `mailto:`) are refused, so that a link
 * on the public page can only lead to a web page.
 *
 * @example linkUrlProblem('javascript:alert(1)') === 'not_http'
 */
export function linkUrlProblem(url: string): LinkUrlProblem | null {
  if ([...url].length > FIELD_LIMITS.authorLinkUrl) return 'too_long';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not_http';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'not_http';
  if (parsed.hostname === '' || /\s/.test(url)) return 'not_http';
  return null;
}
