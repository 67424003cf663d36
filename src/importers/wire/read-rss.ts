/**
 * RSS 2.0 (RSS Advisory Board specification 2.0.11, and the 0.9x it
 * extends) and RSS 1.0 (RDF Site Summary, purl.org/rss/1.0/spec) items,
 * with the modules agencies use: `content:encoded` (the body; then
 * `description` is the summary), Dublin Core `dc:creator`, `dc:date`,
 * `dc:subject`, `dc:language`. Enclosures and media modules are ignored.
 */
import { readAnyDate, readIsoDate } from './read-date.js';
import { addItem, type ItemSink } from './read-item-build.js';
import {
  absoluteLink,
  htmlOrTextBody,
  languageTag,
  plainLine,
  subjectList,
} from './read-item-text.js';
import { childOf, childrenOf, textOf, type XmlElement } from './read-xml-tree.js';

export const RSS1_NAMESPACE = 'http://purl.org/rss/1.0/';
export const RDF_NAMESPACE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const CONTENT = 'http://purl.org/rss/1.0/modules/content/';
const DC = 'http://purl.org/dc/elements/1.1/';

/** `dc:creator`s, or RSS `author` (`mail@agency.example (Name)` → `Name`), as one line. */
function byline(item: XmlElement): string {
  const creators = childrenOf(item, 'creator', DC).map((creator) =>
    plainLine(textOf(creator), 'auto'),
  );
  const names = creators.filter((name) => name !== '');
  if (names.length > 0) return [...new Set(names)].join('، ');
  const author = plainLine(textOf(childOf(item, 'author')), false);
  return /^\S+@\S+\s*\((.+)\)$/.exec(author)?.[1]?.trim() ?? author;
}

/** Body and summary: `content:encoded` with `description` as summary, or `description` as body. */
function bodyAndSummary(item: XmlElement): { bodyHtml: string; summary: string } {
  const description = textOf(childOf(item, 'description'));
  const encoded = textOf(childOf(item, 'encoded', CONTENT)).trim();
  if (encoded !== '') return { bodyHtml: encoded, summary: plainLine(description, 'auto') };
  return { bodyHtml: htmlOrTextBody(description), summary: '' };
}

/**
 * Reads the items of an RSS 2.0 document (root `<rss>`) into `sink`.
 * Relative links are resolved against `xml:base`, else the channel's link.
 */
export function readRss2(root: XmlElement, sink: ItemSink): void {
  const channel = childOf(root, 'channel');
  if (channel === null) {
    sink.warnings.push('The RSS document has no <channel>; it holds no items.');
    return;
  }
  const channelLink = absoluteLink(textOf(childOf(channel, 'link')), channel.base);
  const channelLanguage =
    languageTag(textOf(childOf(channel, 'language'))) ??
    languageTag(textOf(childOf(channel, 'language', DC)));
  childrenOf(channel, 'item').forEach((item, index) => {
    const base = item.base ?? channelLink;
    const guidElement = childOf(item, 'guid');
    const guid = textOf(guidElement).trim();
    const permalink =
      (guidElement?.attributes.get('isPermaLink') ?? 'true').trim().toLowerCase() !== 'false';
    const link =
      absoluteLink(textOf(childOf(item, 'link')), base) ??
      (permalink ? absoluteLink(guid, null) : null);
    const pubDate = textOf(childOf(item, 'pubDate'));
    const dcDate = textOf(childOf(item, 'date', DC));
    const dateText = pubDate.trim() !== '' ? pubDate : dcDate;
    addItem(
      sink,
      {
        guid,
        version: null,
        headline: plainLine(textOf(childOf(item, 'title')), 'auto'),
        slugline: '',
        byline: byline(item),
        ...bodyAndSummary(item),
        link,
        language:
          languageTag(textOf(childOf(item, 'language', DC))) ?? item.lang ?? channelLanguage,
        subjects: subjectList([
          ...childrenOf(item, 'category').map(textOf),
          ...childrenOf(item, 'subject', DC).map(textOf),
        ]),
        date: pubDate.trim() !== '' ? readAnyDate(pubDate) : readIsoDate(dcDate),
        dateText,
      },
      `RSS item ${index + 1}`,
    );
  });
}

/** Reads the items of an RSS 1.0 document (root `<rdf:RDF>`) into `sink`. */
export function readRss1(root: XmlElement, sink: ItemSink): void {
  const channel = childOf(root, 'channel', RSS1_NAMESPACE);
  const channelLink =
    channel === null ? null : absoluteLink(textOf(childOf(channel, 'link')), channel.base);
  const channelLanguage =
    channel === null ? null : languageTag(textOf(childOf(channel, 'language', DC)));
  childrenOf(root, 'item', RSS1_NAMESPACE).forEach((item, index) => {
    const about = item.attributes.get(`{${RDF_NAMESPACE}}about`) ?? '';
    const dateText = textOf(childOf(item, 'date', DC));
    addItem(
      sink,
      {
        guid: about,
        version: null,
        headline: plainLine(textOf(childOf(item, 'title')), 'auto'),
        slugline: '',
        byline: byline(item),
        ...bodyAndSummary(item),
        link:
          absoluteLink(textOf(childOf(item, 'link')), item.base ?? channelLink) ??
          absoluteLink(about, null),
        language:
          languageTag(textOf(childOf(item, 'language', DC))) ?? item.lang ?? channelLanguage,
        subjects: subjectList(childrenOf(item, 'subject', DC).map(textOf)),
        date: readIsoDate(dateText) ?? readAnyDate(dateText),
        dateText,
      },
      `RSS item ${index + 1}`,
    );
  });
}
