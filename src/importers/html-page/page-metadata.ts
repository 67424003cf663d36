/**
 * What a saved article page says about itself in its markup, before its
 * visible text: Open Graph (`og:title`, `og:url`, `og:site_name`,
 * `article:published_time`, `article:section`, `article:author`; ogp.me),
 * JSON-LD (schema.org `NewsArticle`, `Article` and their kinds, also inside
 * `@graph`), the `<title>`, `<link rel="canonical">`, `<meta name="author">`
 * and the first `<h1>`. Values come as written, whitespace collapsed;
 * choosing among them is the caller's.
 */
import { cleanSourceText } from '../../arabic/clean.js';

export interface PageMetadata {
  ogTitle: string | null;
  jsonLdHeadline: string | null;
  /** The `<title>`, as written. */
  title: string | null;
  /** The first `<h1>`'s text. */
  h1: string | null;
  /** `og:site_name`, else the JSON-LD publisher's name, else `application-name`. */
  siteName: string | null;
  /** Publish dates as written, best first (article:published_time, JSON-LD, other metas). */
  dates: string[];
  /**
   * JSON-LD author names, in order: people only. An author that is an
   * organisation (schema.org Organization and its kinds: NewsMediaOrganization,
   * Corporation …; sites name themselves as the author) is no byline.
   */
  authors: string[];
  /** Organisations the JSON-LD names as the article's author or publisher: never a byline. */
  organizations: string[];
  /** `<meta name="author">`, else `article:author` when it is a name, not a profile's address. */
  metaAuthor: string | null;
  section: string | null;
  /** Absolute http(s) addresses of the article, best first (og:url, canonical, JSON-LD url). */
  urls: string[];
}

/** schema.org types of an article (NewsArticle's subtypes end in Article too). */
const ARTICLE_TYPE = /(?:Article|BlogPosting|Report)$/u;

/** Collapsed, cleaned text; null when nothing is left. */
export function textOf(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = cleanSourceText(value).replace(/\s+/gu, ' ').trim();
  return text === '' ? null : text;
}

/** The page's metadata. */
export function readPageMetadata(document: Document): PageMetadata {
  const metas = metaValues(document);
  const ld = jsonLdArticle(document);
  const first = (...keys: string[]) => keys.map((k) => metas.get(k)).find((v) => v) ?? null;
  const publisher = record(ld?.['publisher']);
  return {
    ogTitle: first('og:title'),
    jsonLdHeadline: textOf(stringOf(ld?.['headline'])),
    title: textOf(document.querySelector('title')?.textContent),
    h1: textOf(document.querySelector('h1')?.textContent),
    siteName:
      first('og:site_name') ?? textOf(stringOf(publisher?.['name'])) ?? first('application-name'),
    dates: unique(
      [
        first('article:published_time'),
        textOf(stringOf(ld?.['datePublished'])),
        first(
          'datepublished',
          'pubdate',
          'publishdate',
          'publish-date',
          'dc.date.issued',
          'dcterms.issued',
        ),
        textOf(document.querySelector('time[itemprop="datePublished"]')?.getAttribute('datetime')),
      ].filter((v): v is string => v !== null),
    ),
    authors: unique(namesOf(ld?.['author'], false).filter((v) => !isUrl(v))),
    organizations: unique([...namesOf(ld?.['author'], true), ...namesOf(ld?.['publisher'], true)]),
    metaAuthor: nonUrl(first('author')) ?? nonUrl(first('article:author')),
    section: first('article:section') ?? textOf(listOf(ld?.['articleSection'])[0]),
    urls: unique(
      [
        first('og:url'),
        textOf(document.querySelector('link[rel~="canonical"]')?.getAttribute('href')),
        textOf(stringOf(ld?.['url'])),
        textOf(
          stringOf(ld?.['mainEntityOfPage']) ?? stringOf(record(ld?.['mainEntityOfPage'])?.['@id']),
        ),
      ].filter((v): v is string => v !== null && isUrl(v)),
    ),
  };
}

/**
 * The address a browser saved the page from, as it notes it at the top:
 * Internet Explorer's mark of the web (`<!-- saved from url=(0040)http://… -->`)
 * or SingleFile's header comment (`url: https://…`); null when there is none.
 *
 * @example savedFromUrl('<!-- saved from url=(0027)http://old.example/?id=5 -->') === 'http://old.example/?id=5'
 */
export function savedFromUrl(text: string): string | null {
  const head = text.slice(0, 2048);
  const url =
    /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/iu.exec(head)?.[1] ??
    /<!--[^>]*?Page saved with SingleFile[^>]*?\burl:\s*(\S+)/iu.exec(head)?.[1] ??
    null;
  return url !== null && isUrl(url) ? url : null;
}

/** `<meta property|name|itemprop=… content=…>`, keys lower-cased, the first non-empty value of each. */
function metaValues(document: Document): Map<string, string> {
  const values = new Map<string, string>();
  for (const meta of document.querySelectorAll('meta[content]')) {
    const key = (
      meta.getAttribute('property') ??
      meta.getAttribute('name') ??
      meta.getAttribute('itemprop') ??
      ''
    ).toLowerCase();
    const value = textOf(meta.getAttribute('content'));
    if (key !== '' && value !== null && !values.has(key)) values.set(key, value);
  }
  return values;
}

/** The first article object of the page's JSON-LD blocks (ill-formed blocks are skipped). */
function jsonLdArticle(document: Document): Record<string, unknown> | null {
  for (const script of document.querySelectorAll('script[type="application/ld+json" i]')) {
    let json: unknown;
    try {
      json = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const found = flatten(json).find((node) =>
      listOf(node['@type']).some((t) => ARTICLE_TYPE.test(t)),
    );
    if (found) return found;
  }
  return null;
}

/**
 * How deep JSON-LD lists and `@graph`s are followed: real pages nest two or
 * three levels; a page of `[[[[…]]]]` must not exhaust the stack.
 */
const MAX_JSON_LD_DEPTH = 8;

/** The objects of a JSON-LD block, its `@graph`s and lists, at most MAX_JSON_LD_DEPTH deep. */
function flatten(json: unknown, depth = 0): Array<Record<string, unknown>> {
  if (depth > MAX_JSON_LD_DEPTH) return [];
  if (Array.isArray(json)) return json.flatMap((item) => flatten(item, depth + 1));
  const node = record(json);
  if (node === null) return [];
  return [node, ...flatten(node['@graph'], depth + 1)];
}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

function stringOf(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function listOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** schema.org Organization and its kinds (NewsMediaOrganization, GovernmentOrganization, Corporation …). */
const ORGANIZATION_TYPE = /^(?:\w*Organization|Corporation|NGO|Consortium|Project|LocalBusiness)$/u;

/**
 * Names in an author or publisher value (a string, a Person or Organization
 * with a `name`, or a list of them): the organisations' when `organizations`,
 * else the others' (a bare string is taken for a person).
 */
function namesOf(value: unknown, organizations: boolean, depth = 0): string[] {
  if (depth > MAX_JSON_LD_DEPTH) return [];
  if (Array.isArray(value)) return value.flatMap((v) => namesOf(v, organizations, depth + 1));
  const node = record(value);
  const isOrganization = listOf(node?.['@type']).some((t) => ORGANIZATION_TYPE.test(t));
  if (isOrganization !== organizations) return [];
  const text = textOf(typeof value === 'string' ? value : stringOf(node?.['name']));
  return text === null ? [] : [text];
}

function isUrl(value: string): boolean {
  return /^https?:\/\/[^\s/]+/iu.test(value);
}

function nonUrl(value: string | null): string | null {
  return value === null || isUrl(value) ? null : value;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
