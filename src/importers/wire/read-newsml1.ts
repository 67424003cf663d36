/**
 * NewsML 1.x (IPTC NewsML 1.0–1.2) `NewsItem`s: `Identification/
 * NewsIdentifier` (the GUID is the `PublicIdentifier` without its revision,
 * `urn:newsml:ProviderId:DateId:NewsItemId`, so that each revision updates
 * the same item; the version is `RevisionId`), `NewsManagement/
 * ThisRevisionCreated` (else `FirstCreated`, else the envelope's
 * `DateAndTime`), and from the first `NewsComponent` holding them
 * `NewsLines` (`HeadLine`, `SlugLine`, `ByLine`, `KeywordLine`),
 * `DescriptiveMetadata/Language@FormalName`, and the first text
 * `ContentItem/DataContent`: NITF, XHTML or plain text.
 */
import { readIsoDate } from './read-date.js';
import { addItem, versionNumber, type ItemSink } from './read-item-build.js';
import { languageTag, plainLine, subjectList, textToHtml } from './read-item-text.js';
import { xhtmlToHtml } from './read-html-out.js';
import { nitfParts, type NitfParts } from './read-nitf.js';
import {
  childOf,
  childrenOf,
  elementsOf,
  pathOf,
  textOf,
  type XmlElement,
} from './read-xml-tree.js';

const XHTML = 'http://www.w3.org/1999/xhtml';

/** Every element named `local` below `element`, depth first, in document order. */
function descendants(element: XmlElement, local: string): XmlElement[] {
  const found: XmlElement[] = [];
  for (const child of elementsOf(element)) {
    if (child.local === local) found.push(child);
    found.push(...descendants(child, local));
  }
  return found;
}

function firstText(element: XmlElement, local: string): string {
  const found = descendants(element, local).find((candidate) => textOf(candidate).trim() !== '');
  return found === undefined ? '' : textOf(found);
}

/** The body of the first text ContentItem: HTML, and NITF parts when NITF. */
function textContent(component: XmlElement): { html: string; nitf: NitfParts | null } {
  for (const item of descendants(component, 'ContentItem')) {
    const data = childOf(item, 'DataContent');
    if (data === null) continue;
    const nitf = elementsOf(data).find((child) => child.local === 'nitf');
    if (nitf !== undefined) {
      const parts = nitfParts(nitf);
      return { html: parts.bodyHtml, nitf: parts };
    }
    const xhtml = elementsOf(data).find((child) => child.uri === XHTML);
    if (xhtml !== undefined) {
      const body = xhtml.local === 'html' ? childOf(xhtml, 'body') : xhtml;
      return { html: body === null ? '' : xhtmlToHtml(body.children).trim(), nitf: null };
    }
    const media = childOf(item, 'MediaType')?.attributes.get('FormalName') ?? '';
    const mime = childOf(item, 'MimeType')?.attributes.get('FormalName') ?? '';
    if (/^text$/i.test(media) || mime.startsWith('text/plain') || (media === '' && mime === '')) {
      const text = textOf(data);
      if (text.trim() !== '') return { html: textToHtml(text), nitf: null };
    }
  }
  return { html: '', nitf: null };
}

/** The GUID and version of a NewsItem. */
function identity(newsItem: XmlElement): { guid: string; version: number | null } {
  const identifier = pathOf(newsItem, 'Identification', 'NewsIdentifier');
  if (identifier === null) return { guid: '', version: null };
  const publicId = textOf(childOf(identifier, 'PublicIdentifier')).trim();
  const revision = versionNumber(textOf(childOf(identifier, 'RevisionId')));
  const parts = ['ProviderId', 'DateId', 'NewsItemId'].map((name) =>
    textOf(childOf(identifier, name)).trim(),
  );
  const built = parts.every((part) => part !== '') ? `urn:newsml:${parts.join(':')}` : '';
  const match = /^(urn:newsml:.+):(\d+)[A-Z]?$/i.exec(publicId);
  return {
    guid: match?.[1] ?? (built || publicId),
    version: revision ?? versionNumber(match?.[2]),
  };
}

/** Reads the NewsItems of a NewsML 1.x document (root `<NewsML>`) into `sink`. */
export function readNewsMl1(root: XmlElement, sink: ItemSink): void {
  const envelopeDate = textOf(pathOf(root, 'NewsEnvelope', 'DateAndTime'));
  childrenOf(root, 'NewsItem').forEach((newsItem, index) => {
    const { guid, version } = identity(newsItem);
    const management = childOf(newsItem, 'NewsManagement');
    const revised = textOf(management === null ? null : childOf(management, 'ThisRevisionCreated'));
    const created = textOf(management === null ? null : childOf(management, 'FirstCreated'));
    const dateText = [revised, created, envelopeDate].find((text) => text.trim() !== '') ?? '';
    const component = childOf(newsItem, 'NewsComponent') ?? newsItem;
    const body = textContent(component);
    const nitf = body.nitf;
    const language =
      languageTag(descendants(component, 'Language')[0]?.attributes.get('FormalName')) ??
      nitf?.language ??
      languageTag(newsItem.lang);
    addItem(
      sink,
      {
        guid,
        version,
        headline: plainLine(firstText(component, 'HeadLine'), false) || (nitf?.headline ?? ''),
        slugline: plainLine(firstText(component, 'SlugLine'), false) || (nitf?.slugline ?? ''),
        byline: plainLine(firstText(component, 'ByLine'), false) || (nitf?.byline ?? ''),
        summary: nitf?.summary ?? '',
        bodyHtml: body.html,
        link: null,
        language,
        subjects: subjectList([
          ...descendants(component, 'KeywordLine').map(textOf),
          ...(nitf?.subjects ?? []),
        ]),
        date: readIsoDate(dateText),
        dateText,
      },
      guid === '' ? `NewsItem ${index + 1}` : `NewsItem ${guid}`,
    );
  });
}
