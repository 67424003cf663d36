/**
 * The normalised key of an old address, so that every spelling of one
 * address finds its redirect (issue 15: every old URL keeps working).
 *
 * Two spellings share a key when they differ only by:
 * - raw against percent-encoded text: `/خبر/` = `/%D8%AE%D8%A8%D8%B1/`,
 *   and the case of the escapes: `%d8%ae` = `%D8%AE` (RFC 3986 §6.2.2.1:
 *   escapes are case-insensitive; §6.2.2.2: decoding unreserved text is
 *   equivalent). The key keeps the text decoded and NFC-normalised (the
 *   form WordPress and our slugs store), so it reads as Arabic;
 * - a trailing slash (`/x/` = `/x`, WordPress adds or drops it freely);
 * - the query, of which only what names the item is kept: `p`, `page_id`,
 *   `cat` and `author` (WordPress's query variables for a post, a page, a
 *   category and an author's user id, as in `/?p=123`) and `feed` (which
 *   asks for its feed: `/category/x/?feed=atom` is not `/category/x/`),
 *   sorted by name; tracking parameters
 *   (`utm_source`, `fbclid`) and anything else are dropped;
 * - an absolute URL (`https://old.example/2021/01/x/`): only its path and
 *   query count, since the old site's host is this site's now;
 * - a fragment (`#comments`), which browsers never send.
 *
 * What stays escaped in a key, upper-case: the bytes that would change
 * the address's shape once decoded (`%2F` `/`, `%3F` `?`, `%23` `#`,
 * `%25` `%`, and in a query value `%26` `&`, `%3D` `=`), control
 * characters, and escapes that are not UTF-8.
 */

/** Longest address accepted as a redirect's source or a missed path, characters. */
export const MAX_REDIRECT_PATH_LENGTH = 2000;

/** Query parameters that name the item an old WordPress address shows. */
export const ITEM_QUERY_PARAMS: readonly string[] = ['author', 'cat', 'feed', 'p', 'page_id'];

const ESCAPE_RUN = /(?:%[0-9A-Fa-f]{2})+/g;
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The key of `pathAndQuery` (a path with its query, as a request line or
 * a link gives it, or an absolute http(s) URL), or null when it is not an
 * address: empty, without a leading `/`, protocol-relative (`//host`), with
 * a control character or a lone surrogate (hasLoneSurrogate), or over
 * MAX_REDIRECT_PATH_LENGTH characters.
 *
 * @example redirectKey('/%d8%ae%d8%a8%d8%b1/?utm_source=x') === '/خبر'
 * @example redirectKey('/?utm_source=x&p=123') === '/?p=123'
 */
export function redirectKey(pathAndQuery: string): string | null {
  if (
    pathAndQuery.length > MAX_REDIRECT_PATH_LENGTH ||
    hasControlCharacter(pathAndQuery) ||
    hasLoneSurrogate(pathAndQuery)
  )
    return null;
  const address = pathOfAddress(pathAndQuery.trim());
  if (address === null) return null;
  const withoutFragment = address.split('#', 1)[0] ?? '';
  const queryAt = withoutFragment.indexOf('?');
  const rawPath = queryAt < 0 ? withoutFragment : withoutFragment.slice(0, queryAt);
  const rawQuery = queryAt < 0 ? '' : withoutFragment.slice(queryAt + 1);
  let path = decodeText(rawPath, '/?#%');
  if (path.length > 1 && path.endsWith('/')) path = path.replace(/\/+$/, '') || '/';
  const query = itemQuery(rawQuery);
  return query === '' ? path : `${path}?${query}`;
}

/**
 * True when the address's query names an old item or its feed (`p`,
 * `page_id`, `cat`, `author` or `feed` with a value): the home page asked
 * with `/?p=123` is an old link, not a visit to the home page.
 */
export function namesOldItem(pathAndQuery: string): boolean {
  return redirectKey(pathAndQuery)?.includes('?') ?? false;
}

/**
 * The `Location` to send for a redirect's target (a site path or an
 * absolute URL as stored): characters outside ASCII, spaces and other
 * characters a header cannot carry are percent-encoded as UTF-8; escapes
 * already there are kept (never encoded twice).
 * @example locationOf('/a/12/خبر') === '/a/12/%D8%AE%D8%A8%D8%B1'
 */
export function locationOf(target: string): string {
  return target.replace(/%(?![0-9A-Fa-f]{2})|[^\x21-\x7e]|["<>\\^`{|}]/gu, (c) => {
    try {
      return encodeURIComponent(c);
    } catch {
      return '%EF%BF%BD'; // a lone surrogate: U+FFFD, as a browser would send it
    }
  });
}

/** True when `text` has a C0 control character or DEL (never part of an address, RFC 3986 §2). */
export function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/**
 * True when `text` has a lone UTF-16 surrogate (`\uD800` without its
 * pair): no character at all, so it has no UTF-8 form to put in an
 * address, and a database or a browser would change it into another one.
 * @example hasLoneSurrogate('/x\uD800') === true
 * @example hasLoneSurrogate('/😀') === false
 */
export function hasLoneSurrogate(text: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

/** The path and query of an address: itself when it starts with one `/`, else those of an http(s) URL. */
function pathOfAddress(address: string): string | null {
  if (address.startsWith('/')) return address.startsWith('//') ? null : address;
  if (!/^https?:\/\//i.test(address)) return null;
  try {
    const url = new URL(address);
    return `${url.pathname}${url.search}`;
  } catch {
    return null;
  }
}

/** `cat=3&p=123`: the item parameters with a value, sorted by name; the last of a repeated one wins (as in PHP). */
function itemQuery(rawQuery: string): string {
  const found = new Map<string, string>();
  for (const pair of rawQuery.split('&')) {
    const equals = pair.indexOf('=');
    const name = decodeText(equals < 0 ? pair : pair.slice(0, equals), '');
    const value = equals < 0 ? '' : decodeText(pair.slice(equals + 1).replace(/\+/g, ' '), '&=#%');
    if (!ITEM_QUERY_PARAMS.includes(name)) continue;
    if (value.trim() === '') found.delete(name);
    else found.set(name, value.trim());
  }
  return [...found]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

/**
 * Decodes each run of escapes that is UTF-8 and NFC-normalises the text.
 * Characters of `keepEscaped` and control characters stay (or become)
 * upper-case escapes; a run that is not UTF-8 stays escaped, upper-cased.
 */
function decodeText(text: string, keepEscaped: string): string {
  if (!text.includes('%')) return text.normalize('NFC');
  const kept = keptCharacters(keepEscaped);
  const decoded = text.replace(ESCAPE_RUN, (run) => {
    const bytes = new Uint8Array(run.length / 3);
    for (let i = 0; i < bytes.length; i += 1) {
      bytes[i] = parseInt(run.slice(i * 3 + 1, i * 3 + 3), 16);
    }
    let characters: string;
    try {
      characters = UTF8.decode(bytes);
    } catch {
      return run.toUpperCase();
    }
    // Most runs (an Arabic slug) hold nothing to keep escaped: one test instead of one per character.
    kept.lastIndex = 0;
    return kept.test(characters) ? characters.replace(kept, escapeOf) : characters;
  });
  return decoded.normalize('NFC');
}

/** Per `keepEscaped`: a pattern of its characters and the control characters (hasControlCharacter's). */
const KEPT_PATTERNS = new Map<string, RegExp>();

function keptCharacters(keepEscaped: string): RegExp {
  let pattern = KEPT_PATTERNS.get(keepEscaped);
  if (pattern === undefined) {
    const listed = [...keepEscaped].map(
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
    pattern = new RegExp(`[\\u0000-\\u001f\\u007f${listed.join('')}]`, 'g');
    KEPT_PATTERNS.set(keepEscaped, pattern);
  }
  return pattern;
}

function escapeOf(character: string): string {
  return `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
}
