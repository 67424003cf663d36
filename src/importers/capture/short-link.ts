import { toLatinDigits } from '../../arabic/digits.js';
import { parseArticleId } from '../../domain/article-id.js';

/**
 * The article's own link among the URLs of a capture, and its numeric id.
 *
 * Share buttons put other sites' URLs on the page; those are never the
 * article's link. Ids are kept as strings: they may exceed 2^53. The number
 * in a link becomes the article's id only when it is one (src/domain/article-id.ts:
 * 1 to 2^63 − 1, the top of SQLite's INTEGER and PostgreSQL's bigint);
 * leading zeros are dropped, `/a/000123` is id `123`.
 */
const SHARE_HOSTS =
  /(?:^|\.)(?:facebook\.com|fb\.com|twitter\.com|x\.com|t\.me|telegram\.me|wa\.me|whatsapp\.com|linkedin\.com|pinterest\.com|reddit\.com|plus\.google\.com)$/iu;
/** The `/a/<id>` short link of the seed's site. */
const SHORT_ID = /\/a\/(\d+)(?:[/?#]|$)/u;
const DIGIT_RUN = /\d+/gu;
const ID_PARAMS = ['p', 'id', 'article', 'articleid', 'news', 'newsid', 'nid'];

function hostOf(link: string): string | null {
  try {
    return new URL(link).hostname;
  } catch {
    return null;
  }
}

/**
 * The first link that is not a share button, preferring one with an id.
 *
 * @example pickArticleLink(['https://t.me/share?url=x', 'http://anapress.net/a/25']) === 'http://anapress.net/a/25'
 */
export function pickArticleLink(links: readonly string[]): string | null {
  const own = links.filter((link) => {
    const host = hostOf(link);
    return host !== null && !SHARE_HOSTS.test(host);
  });
  return (
    own.find((link) => idFromLink(link) !== null) ??
    own.find((link) => numberInLink(link) !== null) ??
    own[0] ??
    null
  );
}

/**
 * The article id in a link: its number without leading zeros, or null when
 * it has none or the number cannot be an id (0, above 2^63 − 1).
 *
 * @example idFromLink('http://anapress.net/a/258871304963183') === '258871304963183'
 * @example idFromLink('https://x.example/a/000123') === '123'
 * @example idFromLink('https://x.example/a/0') === null
 */
export function idFromLink(link: string): string | null {
  const number = numberInLink(link);
  return number === null ? null : usableId(number);
}

/**
 * The number as an article id, or null when it cannot be one.
 *
 * @example usableId('000123') === '123'
 */
export function usableId(digits: string): string | null {
  return parseArticleId(digits.replace(/^0+(?=\d)/u, ''));
}

/**
 * The number in a link as printed: `/a/<id>`, else the last run of four or
 * more digits in the path that is not a year, else a numeric `?p=`/`?id=`
 * query.
 *
 * @example numberInLink('https://example.com/2020/01/18/48213-flood') === '48213'
 */
export function numberInLink(link: string): string | null {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return null;
  }
  const path = toLatinDigits(safeDecode(url.pathname));
  const short = SHORT_ID.exec(path);
  if (short?.[1]) return short[1];
  const runs = (path.match(DIGIT_RUN) ?? []).filter(
    (run) => run.length >= 4 && !/^(?:19|20)\d\d$/u.test(run),
  );
  const last = runs.at(-1);
  if (last) return last;
  for (const [name, value] of url.searchParams) {
    const digits = toLatinDigits(value);
    if (ID_PARAMS.includes(name.toLowerCase()) && /^\d+$/u.test(digits)) return digits;
  }
  return null;
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
