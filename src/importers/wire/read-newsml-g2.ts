/**
 * NewsML-G2 (IPTC, 2.x; namespace `http://iptc.org/std/nar/2006-10-01/`)
 * `newsItem`s, alone or in a `newsMessage`'s `itemSet`. Read: `@guid`,
 * `@version` (1 when absent, as the specification defaults it),
 * `itemMeta/versionCreated` (else `firstCreated`), and from `contentMeta`
 * `headline`, `slugline`, `creator/name` (else `@literal`, else `by`),
 * `subject/name` (the Arabic name when there are several, then the item's
 * language, then the first), `language@tag`, `description` (the summary);
 * the body from `contentSet/inlineXML` holding NITF (its `body.content`)
 * or XHTML (its `body`), or plain text in `inlineData`. `remoteContent`
 * (pictures, video) is ignored. Package, knowledge, concept and planning
 * items are not articles: refused alone, skipped in a message.
 */
import { readIsoDate } from './read-date.js';
import { addItem, versionNumber, type ItemSink } from './read-item-build.js';
import { languageTag, plainLine, subjectList, textToHtml } from './read-item-text.js';
import { xhtmlToHtml } from './read-html-out.js';
import { nitfParts, type NitfParts } from './read-nitf.js';
import { childOf, childrenOf, elementsOf, textOf, type XmlElement } from './read-xml-tree.js';
import { WireReadError } from './wire-read-error.js';

export const NEWSML_G2_NAMESPACE = 'http://iptc.org/std/nar/2006-10-01/';
const XHTML = 'http://www.w3.org/1999/xhtml';

/** G2 items that are not articles, and how a message names them. */
export const G2_NOT_ARTICLES: Readonly<Record<string, string>> = {
  packageItem: 'a package, not an article',
  knowledgeItem: 'a knowledge item (concepts), not an article',
  conceptItem: 'a concept item, not an article',
  planningItem: 'a planning item, not an article',
  catalog: 'a catalog, not an article',
};

/** The element whose language best fits: Arabic, then `language`, then one without, then the first. */
function byLanguage(elements: XmlElement[], language: string | null): XmlElement | null {
  const primary = (tag: string | null): string => (tag ?? '').split('-')[0]?.toLowerCase() ?? '';
  return (
    elements.find((element) => primary(element.lang) === 'ar') ??
    elements.find((element) => language !== null && primary(element.lang) === primary(language)) ??
    elements.find((element) => element.lang === null) ??
    elements[0] ??
    null
  );
}

/** The body an `inlineXML` holds (NITF or XHTML; an `html` root even without the XHTML namespace), or null. */
function inlineXmlBody(inline: XmlElement): { html: string; nitf: NitfParts | null } | null {
  for (const child of elementsOf(inline)) {
    if (child.local === 'nitf') {
      const nitf = nitfParts(child);
      return { html: nitf.bodyHtml, nitf };
    }
    if (
      child.local === 'html' ||
      (child.uri === XHTML && (child.local === 'body' || child.local === 'div'))
    ) {
      const body = child.local === 'html' ? childOf(child, 'body') : child;
      return { html: body === null ? '' : xhtmlToHtml(body.children).trim(), nitf: null };
    }
  }
  return null;
}

/** The body of a contentSet: its first NITF or XHTML `inlineXML`, else its first plain-text `inlineData`. */
function inlineBody(contentSet: XmlElement | null): { html: string; nitf: NitfParts | null } {
  if (contentSet === null) return { html: '', nitf: null };
  for (const inline of childrenOf(contentSet, 'inlineXML')) {
    const body = inlineXmlBody(inline);
    if (body !== null) return body;
  }
  for (const inline of childrenOf(contentSet, 'inlineData')) {
    const type = inline.attributes.get('contenttype') ?? 'text/plain';
    if (type.startsWith('text/plain')) return { html: textToHtml(textOf(inline)), nitf: null };
  }
  return { html: '', nitf: null };
}

/** The headlines without a role or with the main one (`hld:main`), when there are any; else all. */
function mainHeadlines(headlines: XmlElement[]): XmlElement[] {
  const main = headlines.filter((headline) =>
    /^(?:|.*:main)$/.test(headline.attributes.get('role') ?? ''),
  );
  return main.length > 0 ? main : headlines;
}

function creatorNames(contentMeta: XmlElement, language: string | null): string[] {
  return childrenOf(contentMeta, 'creator').map((creator) => {
    const name = byLanguage(childrenOf(creator, 'name'), language);
    return plainLine(
      name === null ? (creator.attributes.get('literal') ?? '') : textOf(name),
      false,
    );
  });
}

function subjectNames(contentMeta: XmlElement, language: string | null): string[] {
  return childrenOf(contentMeta, 'subject').map((subject) => {
    const name = byLanguage(childrenOf(subject, 'name'), language);
    return name === null ? (subject.attributes.get('literal') ?? '') : textOf(name);
  });
}

/** Reads one `newsItem` into `sink`. */
export function readNewsItem(newsItem: XmlElement, sink: ItemSink): void {
  const guid = newsItem.attributes.get('guid') ?? '';
  const itemMeta = childOf(newsItem, 'itemMeta');
  const contentMeta = childOf(newsItem, 'contentMeta') ?? newsItem;
  const language =
    languageTag(childOf(contentMeta, 'language')?.attributes.get('tag')) ??
    languageTag(newsItem.lang);
  const body = inlineBody(childOf(newsItem, 'contentSet'));
  const nitf = body.nitf;
  const versionCreated = itemMeta === null ? '' : textOf(childOf(itemMeta, 'versionCreated'));
  const firstCreated = itemMeta === null ? '' : textOf(childOf(itemMeta, 'firstCreated'));
  const dateText =
    versionCreated.trim() !== ''
      ? versionCreated
      : firstCreated.trim() !== ''
        ? firstCreated
        : (nitf?.dateText ?? '');
  const headline = byLanguage(mainHeadlines(childrenOf(contentMeta, 'headline')), language);
  const creators = creatorNames(contentMeta, language).filter(Boolean);
  const by = plainLine(textOf(byLanguage(childrenOf(contentMeta, 'by'), language)), false);
  const description = byLanguage(
    childrenOf(contentMeta, 'description').filter((element) =>
      /summary|abstract|^$/.test(element.attributes.get('role') ?? ''),
    ),
    language,
  );
  addItem(
    sink,
    {
      guid,
      version: versionNumber(newsItem.attributes.get('version')) ?? 1,
      headline: plainLine(textOf(headline), false) || (nitf?.headline ?? ''),
      slugline:
        plainLine(textOf(byLanguage(childrenOf(contentMeta, 'slugline'), language)), false) ||
        (nitf?.slugline ?? ''),
      byline: creators.length > 0 ? [...new Set(creators)].join('، ') : by || (nitf?.byline ?? ''),
      summary: plainLine(textOf(description), false) || (nitf?.summary ?? ''),
      bodyHtml: body.html,
      link: null,
      language: language ?? nitf?.language ?? null,
      subjects: subjectList([...subjectNames(contentMeta, language), ...(nitf?.subjects ?? [])]),
      date: readIsoDate(dateText),
      dateText,
    },
    guid === '' ? 'A newsItem' : `newsItem ${guid}`,
  );
}

/**
 * Reads the items of a `newsMessage`: each `newsItem` of its `itemSet`s,
 * other items skipped with a warning.
 * @throws WireReadError WIRE_PACKAGE when it holds no newsItem but packages.
 */
export function readNewsMessage(message: XmlElement, sink: ItemSink): void {
  let newsItems = 0;
  let others = 0;
  for (const itemSet of childrenOf(message, 'itemSet')) {
    for (const item of elementsOf(itemSet)) {
      if (item.local === 'newsItem') {
        newsItems += 1;
        readNewsItem(item, sink);
      } else {
        others += 1;
        const what = G2_NOT_ARTICLES[item.local] ?? `a ${item.local}, not an article`;
        const guid = item.attributes.get('guid') ?? '';
        sink.warnings.push(
          `The ${item.local}${guid === '' ? '' : ` ${guid}`} is ${what}; it was skipped.`,
        );
      }
    }
  }
  if (newsItems === 0 && others > 0) {
    throw new WireReadError(
      'WIRE_PACKAGE',
      'The NewsML-G2 message holds no newsItem: a package, not an article.',
    );
  }
}
