/**
 * A real XML parser for feeds and sitemaps: attributes under `@_name`,
 * text as written (no number parsing), entities decoded, CDATA merged into
 * the text, and the elements that repeat always arrays.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

const REPEATED = new Set(['item', 'entry', 'url', 'sitemap', 'category']);
/** Atom's `link`, which repeats; RSS's `link` does not. */
const REPEATED_PATHS = new Set(['feed.link', 'feed.entry.link']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name, jpath) => REPEATED.has(name) || REPEATED_PATHS.has(String(jpath)),
});

/** The parsed document. @throws when `xml` is not well-formed. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function parseXml(xml: string): any {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`not well-formed XML: ${JSON.stringify(valid.err)}`);
  return parser.parse(xml);
}
