/**
 * Atom 1.0 entries (RFC 4287): text constructs of `type` text, html or
 * xhtml (§3.1), `content` (§4.1.3: inline text/html/xhtml; out-of-line
 * `src` and other media types give no body), `summary`, `author/name`
 * (the entry's, else its `source`'s, else the feed's, §4.2.1),
 * `category@label|term`, `link rel="alternate"`, `updated`/`published`,
 * `xml:base` and `xml:lang` inherited (§2).
 */
import { htmlToText } from '../../domain/html-text.js';
import { readIsoDate } from './read-date.js';
import { addItem, type ItemSink } from './read-item-build.js';
import { absoluteLink, languageTag, plainLine, subjectList, textToHtml } from './read-item-text.js';
import { xhtmlToHtml } from './read-html-out.js';
import { childOf, childrenOf, elementsOf, textOf, type XmlElement } from './read-xml-tree.js';
import { cleanLine } from '../../domain/field-limits.js';

export const ATOM_NAMESPACE = 'http://www.w3.org/2005/Atom';
const XHTML = 'http://www.w3.org/1999/xhtml';

/** The `div` an xhtml construct wraps its content in (§3.1.1.3), or the element itself. */
function xhtmlNodes(element: XmlElement): XmlElement['children'] {
  const div = elementsOf(element).find((child) => child.local === 'div' && child.uri === XHTML);
  return div?.children ?? element.children;
}

/** A text construct (title, summary) as one plain line. */
function textConstruct(element: XmlElement | null): string {
  if (element === null) return '';
  const type = (element.attributes.get('type') ?? 'text').trim().toLowerCase();
  if (type === 'html') return plainLine(textOf(element), true);
  if (type === 'xhtml') return cleanLine(htmlToText(xhtmlToHtml(xhtmlNodes(element)), 'keep'));
  return plainLine(textOf(element), false);
}

/** The body of `content`, or '' when it has none inline. */
function contentHtml(content: XmlElement | null): string {
  if (content === null || content.attributes.has('src')) return '';
  const type = (content.attributes.get('type') ?? 'text').trim().toLowerCase();
  if (type === 'html' || type === 'text/html') return textOf(content).trim();
  if (type === 'xhtml' || type === 'application/xhtml+xml')
    return xhtmlToHtml(xhtmlNodes(content)).trim();
  if (type === 'text' || type.startsWith('text/')) return textToHtml(textOf(content));
  return '';
}

/** The alternate link of an entry or feed (`rel` absent or `alternate`, HTML preferred). */
function alternateLink(element: XmlElement, fallbackBase: string | null): string | null {
  const links = childrenOf(element, 'link').filter(
    (link) => (link.attributes.get('rel') ?? 'alternate').trim() === 'alternate',
  );
  const html = links.find((link) => (link.attributes.get('type') ?? 'text/html').includes('html'));
  const chosen = html ?? links[0];
  if (chosen === undefined) return null;
  return absoluteLink(chosen.attributes.get('href'), chosen.base ?? fallbackBase);
}

function authorNames(element: XmlElement | null): string[] {
  if (element === null) return [];
  return childrenOf(element, 'author')
    .map((author) => plainLine(textOf(childOf(author, 'name')), false))
    .filter((name) => name !== '');
}

/** Reads the entries of an Atom feed (root `<feed>`) into `sink`. */
export function readAtom(feed: XmlElement, sink: ItemSink): void {
  const feedLink = alternateLink(feed, null);
  const feedAuthors = authorNames(feed);
  childrenOf(feed, 'entry').forEach((entry, index) => {
    const updated = textOf(childOf(entry, 'updated'));
    const published = textOf(childOf(entry, 'published'));
    const dateText = updated.trim() !== '' ? updated : published;
    const source = childOf(entry, 'source');
    const authors =
      [entry, source].map(authorNames).find((names) => names.length > 0) ?? feedAuthors;
    const content = childOf(entry, 'content');
    const link = alternateLink(entry, entry.base ?? feedLink);
    addItem(
      sink,
      {
        guid: textOf(childOf(entry, 'id')),
        version: null,
        headline: textConstruct(childOf(entry, 'title')),
        slugline: '',
        byline: [...new Set(authors)].join('، '),
        summary: textConstruct(childOf(entry, 'summary')),
        bodyHtml: contentHtml(content),
        link,
        bodyBase: content?.base ?? link ?? feedLink,
        language: languageTag(content?.lang ?? entry.lang),
        subjects: subjectList(
          childrenOf(entry, 'category').map(
            (category) => category.attributes.get('label') ?? category.attributes.get('term') ?? '',
          ),
        ),
        date: readIsoDate(dateText),
        dateText,
      },
      `Atom entry ${index + 1}`,
    );
  });
}
