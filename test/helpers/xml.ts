/**
 * A real XML parser for feeds and sitemaps: attributes under `@_name`,
 * text as written (no number parsing), entities decoded, CDATA merged into
 * the text, and the elements that repeat always arrays.
 *
 * Well-formedness is judged by saxes, a conforming XML 1.0 parser: fast-xml-
 * parser's validator lets through what every feed reader refuses (a
 * control character, `<` in an attribute value, `]]>` in text).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { SaxesParser } from 'saxes';

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
  assertWellFormed(xml);
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`not well-formed XML: ${JSON.stringify(valid.err)}`);
  return parser.parse(xml);
}

/**
 * Throws the first well-formedness error of `xml` (XML 1.0 and Namespaces
 * in XML), with its line and column.
 */
export function assertWellFormed(xml: string): void {
  const errors: string[] = [];
  const sax = new SaxesParser({ xmlns: true });
  sax.on('error', (error) => errors.push(error.message));
  sax.write(xml).close();
  if (errors.length > 0) throw new Error(`not well-formed XML: ${errors.join('; ')}`);
}
