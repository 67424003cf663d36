/**
 * Article ids: positive integers of up to 19 decimal digits, carried as
 * decimal strings end to end so that ids past 2^53 (9,007,199,254,740,992)
 * stay exact. The largest is 2^63 − 1, the top of SQLite's INTEGER and
 * PostgreSQL's bigint.
 *
 * The seed's short link `/a/258871304963183` carries a 15-digit id.
 */

/** A decimal string of 1–19 digits, no leading zero, at most 2^63 − 1. */
export type ArticleId = string & { readonly __brand: 'ArticleId' };

const MAX_ID = 9_223_372_036_854_775_807n;

/**
 * Parses `raw` as an article id, or returns null when it is not one
 * (empty, non-digits, a leading zero, zero, more than 19 digits, above 2^63 − 1).
 *
 * @example parseArticleId('258871304963183') // '258871304963183'
 * @example parseArticleId('12ab') // null
 */
export function parseArticleId(raw: string): ArticleId | null {
  if (!/^[1-9][0-9]{0,18}$/.test(raw)) return null;
  if (BigInt(raw) > MAX_ID) return null;
  return raw as ArticleId;
}

/**
 * Like parseArticleId, for values known to be ids (from the database).
 * @throws RangeError when `raw` is not a valid id.
 */
export function toArticleId(raw: string | number | bigint): ArticleId {
  if (typeof raw === 'number' && !Number.isSafeInteger(raw)) {
    throw new RangeError(`article id ${raw} lost precision before it reached us`);
  }
  const id = parseArticleId(String(raw));
  if (id === null) throw new RangeError(`not an article id: ${String(raw)}`);
  return id;
}
