/**
 * JSON Feed 1.0 and 1.1 (jsonfeed.org/version/1.1): `items[]` with `id`,
 * `url` (resolved against `home_page_url`), `title`, `content_html` (else
 * `content_text`), `summary`, `date_modified` (else `date_published`, RFC
 * 3339), `authors[].name` (1.1; else 1.0's `author.name`, the item's then
 * the feed's), `tags`, `language` (1.1, the item's else the feed's).
 */
import { readIsoDate } from './read-date.js';
import { addItem, type ItemSink } from './read-item-build.js';
import { absoluteLink, languageTag, plainLine, subjectList, textToHtml } from './read-item-text.js';
import { WireReadError } from './wire-read-error.js';

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
}

function authorNames(owner: JsonObject): string[] {
  const list = Array.isArray(owner.authors)
    ? owner.authors
    : isObject(owner.author)
      ? [owner.author]
      : [];
  return list
    .map((author) => (isObject(author) ? plainLine(text(author.name), false) : ''))
    .filter((name) => name !== '');
}

/**
 * Reads a JSON Feed from its text into `sink`, at most `maxItems` items
 * (the rest skipped with a warning).
 * @throws WireReadError WIRE_JSON_INVALID when the text is not JSON or not a JSON Feed.
 */
export function readJsonFeed(json: string, sink: ItemSink, maxItems: number): void {
  let feed: unknown;
  try {
    feed = JSON.parse(json);
  } catch (error) {
    throw new WireReadError(
      'WIRE_JSON_INVALID',
      `The document is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  if (
    !isObject(feed) ||
    !/^https?:\/\/jsonfeed\.org\/version\/1(?:\.\d+)?\/?$/.test(text(feed.version))
  ) {
    throw new WireReadError(
      'WIRE_JSON_INVALID',
      'The JSON document is not a JSON Feed (its "version" is not https://jsonfeed.org/version/1 or /1.1).',
    );
  }
  if (!Array.isArray(feed.items)) {
    throw new WireReadError('WIRE_JSON_INVALID', 'The JSON Feed has no "items" array.');
  }
  const home =
    absoluteLink(text(feed.home_page_url), null) ?? absoluteLink(text(feed.feed_url), null);
  const feedLanguage = languageTag(text(feed.language));
  const feedAuthors = authorNames(feed);
  const items = feed.items;
  items.slice(0, maxItems).forEach((item: unknown, index) => {
    const where = `JSON Feed item ${index + 1}`;
    if (!isObject(item)) {
      sink.warnings.push(`${where} is not an object; it was skipped.`);
      return;
    }
    const modified = text(item.date_modified);
    const dateText = modified.trim() !== '' ? modified : text(item.date_published);
    const authors = authorNames(item);
    const contentHtml = text(item.content_html).trim();
    const link = absoluteLink(text(item.url), home) ?? absoluteLink(text(item.external_url), home);
    addItem(
      sink,
      {
        guid: text(item.id),
        version: null,
        headline: plainLine(text(item.title), 'auto'),
        slugline: '',
        byline: [...new Set(authors.length > 0 ? authors : feedAuthors)].join('، '),
        summary: plainLine(text(item.summary), 'auto'),
        bodyHtml: contentHtml !== '' ? contentHtml : textToHtml(text(item.content_text)),
        link,
        bodyBase: link ?? home,
        language: languageTag(text(item.language)) ?? feedLanguage,
        subjects: subjectList(Array.isArray(item.tags) ? item.tags.map(text) : []),
        date: readIsoDate(dateText),
        dateText,
      },
      where,
    );
  });
  if (items.length > maxItems) {
    sink.warnings.push(
      `The JSON Feed has ${items.length} items; only the first ${maxItems} were read, ${items.length - maxItems} skipped.`,
    );
  }
}
