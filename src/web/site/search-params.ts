/**
 * The search page's and API's parameters, read at the edge. Anything odd
 * is ignored or clamped, never an error: a reader's query always gets an
 * answer.
 */
import { cutAtGraphemeBoundary } from '../../arabic/truncate.js';
import { wallClockToUtc } from '../../lib/time-zone.js';
import { tidyQuery, type SearchRequest } from '../../services/search-articles.js';
import type { SearchForm } from '../views/search-page.js';

/** Results per page on the search page; the API's default and largest `limit`. */
export const PAGE_SIZE = 10;
export const API_MAX_LIMIT = 50;
/** Pages a query may be read to. */
export const MAX_PAGE = 100;

function text(query: unknown, name: string): string {
  const value = (query as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
}

/**
 * A whole number in the query, brought into min..max (`0` and `-1` alike
 * become `min`); `fallback` when the value is not a whole number of up to
 * six digits.
 */
function whole(value: string, min: number, max: number, fallback: number): number {
  if (!/^[-+]?\d{1,6}$/.test(value)) return fallback;
  return Math.min(max, Math.max(min, Number(value)));
}

/** A YYYY-MM-DD date as the instant its day starts in `timeZone`, or undefined. */
function dayStart(value: string, timeZone: string, plusDays = 0): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return undefined;
  try {
    const start = wallClockToUtc(
      { year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: 0, minute: 0 },
      timeZone,
    );
    return plusDays === 0 ? start : new Date(start.getTime() + plusDays * 86_400_000);
  } catch {
    return undefined;
  }
}

/**
 * The form as the reader filled it, for searching and showing back; the
 * query tidied (search/parse-query.ts `tidyQuery`: at most 200 characters).
 */
export function searchForm(query: unknown): SearchForm {
  const sort = text(query, 'sort') === 'date' ? 'date' : 'relevance';
  return {
    q: tidyQuery(cutAtGraphemeBoundary(text(query, 'q'), 1000)),
    section: cutAtGraphemeBoundary(text(query, 'section'), 100),
    from: /^\d{4}-\d{2}-\d{2}$/.test(text(query, 'from')) ? text(query, 'from') : '',
    to: /^\d{4}-\d{2}-\d{2}$/.test(text(query, 'to')) ? text(query, 'to') : '',
    sort,
    page: whole(text(query, 'page'), 1, MAX_PAGE, 1),
  };
}

/** The request to the search service for a form; `to` covers the whole day it names. */
export function searchRequest(form: SearchForm, timeZone: string, limit: number): SearchRequest {
  return {
    q: form.q,
    filters: {
      section: form.section || undefined,
      from: dayStart(form.from, timeZone),
      to: dayStart(form.to, timeZone, 1),
    },
    sort: form.sort,
    page: form.page,
    limit,
  };
}

/** The API's `limit`: 1 to API_MAX_LIMIT (a number outside is brought within), default PAGE_SIZE. */
export function apiLimit(query: unknown): number {
  return whole(text(query, 'limit'), 1, API_MAX_LIMIT, PAGE_SIZE);
}

/**
 * The page cache's key of a search: the origin and `path`, then every
 * field of the form in a fixed order (and the API's `limit`), so that
 * two forms that search the same thing share one entry. Bounded: the
 * query is at most 200 characters and the section 100, each
 * percent-encoded at most 9 bytes a character.
 *
 * @example searchCacheKey('https://x.sy', '/search', form) // 'https://x.sy/search?q=…&section=&from=&to=&sort=relevance&page=1'
 */
export function searchCacheKey(
  origin: string,
  path: string,
  form: SearchForm,
  limit?: number,
): string {
  const params = new URLSearchParams({
    q: form.q,
    section: form.section,
    from: form.from,
    to: form.to,
    sort: form.sort,
    page: String(form.page),
    ...(limit === undefined ? {} : { limit: String(limit) }),
  });
  return `${origin}${path}?${params.toString()}`;
}
