/**
 * NITF 3.x documents (IPTC News Industry Text Format 3.0–3.6; with or
 * without the `http://iptc.org/std/NITF/2006-10-18/` namespace): on their
 * own (`<nitf>` as root) or as the body NewsML carries. Read: `head/title`,
 * `docdata/doc-id@id-string`, `date.issue@norm` (else `date.release`),
 * `du-key@key` (slugline) and `@version`, `key-list/keyword@key` and
 * `tobject.subject@tobject.subject.matter` (subjects), `body.head/hedline/hl1`,
 * `byline`, `abstract`, `body.content`, `xml:lang`.
 */
import { cleanLine } from '../../domain/field-limits.js';
import { htmlToText } from '../../domain/html-text.js';
import { readIsoDate, type WireDate } from './read-date.js';
import { addItem, versionNumber, type ItemSink } from './read-item-build.js';
import { languageTag, plainLine, subjectList } from './read-item-text.js';
import { nitfBodyHtml, nitfToHtml } from './read-html-out.js';
import { childOf, childrenOf, pathOf, textOf, type XmlElement } from './read-xml-tree.js';

/** What an NITF document says of its story. */
export interface NitfParts {
  guid: string;
  version: number | null;
  headline: string;
  slugline: string;
  byline: string;
  summary: string;
  bodyHtml: string;
  language: string | null;
  subjects: string[];
  date: WireDate | null;
  dateText: string;
}

/** Plain text of NITF inline content (a `byline`, an `abstract`). */
function nitfLine(element: XmlElement | null): string {
  if (element === null) return '';
  return cleanLine(htmlToText(nitfToHtml(element.children), 'keep'));
}

/** The story an `<nitf>` element holds. */
export function nitfParts(nitf: XmlElement): NitfParts {
  const head = childOf(nitf, 'head');
  const docdata = head === null ? null : childOf(head, 'docdata');
  const body = childOf(nitf, 'body');
  const bodyHead = body === null ? null : childOf(body, 'body.head');
  const duKey = docdata === null ? null : childOf(docdata, 'du-key');
  const issue = docdata === null ? null : childOf(docdata, 'date.issue');
  const release = docdata === null ? null : childOf(docdata, 'date.release');
  const dateText = issue?.attributes.get('norm') ?? release?.attributes.get('norm') ?? '';
  const hedline = bodyHead === null ? null : childOf(bodyHead, 'hedline');
  const headline =
    nitfLine(hedline === null ? null : childOf(hedline, 'hl1')) ||
    plainLine(textOf(pathOf(head, 'title')), false);
  const keywords =
    docdata === null
      ? []
      : childrenOf(childOf(docdata, 'key-list') ?? docdata, 'keyword').map(
          (keyword) => keyword.attributes.get('key') ?? '',
        );
  const tobjectSubjects =
    head === null
      ? []
      : childrenOf(childOf(head, 'tobject') ?? head, 'tobject.subject').map(
          (subject) =>
            subject.attributes.get('tobject.subject.matter') ??
            subject.attributes.get('tobject.subject.type') ??
            '',
        );
  return {
    guid: docdata === null ? '' : (childOf(docdata, 'doc-id')?.attributes.get('id-string') ?? ''),
    version: versionNumber(duKey?.attributes.get('version')),
    headline,
    slugline: plainLine(duKey?.attributes.get('key') ?? '', false),
    byline:
      bodyHead === null
        ? ''
        : childrenOf(bodyHead, 'byline').map(nitfLine).filter(Boolean).join('، '),
    summary:
      bodyHead === null
        ? ''
        : childrenOf(bodyHead, 'abstract').map(nitfLine).filter(Boolean).join(' '),
    bodyHtml: body === null ? '' : nitfBodyHtml(childrenOf(body, 'body.content')),
    language: languageTag(body?.lang ?? nitf.lang),
    subjects: subjectList([...tobjectSubjects, ...keywords]),
    date: readIsoDate(dateText),
    dateText,
  };
}

/** Reads a plain NITF document (root `<nitf>`) into `sink`. */
export function readNitf(nitf: XmlElement, sink: ItemSink): void {
  const parts = nitfParts(nitf);
  addItem(sink, { ...parts, link: null }, 'The NITF document');
}
