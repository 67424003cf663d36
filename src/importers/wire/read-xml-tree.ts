/**
 * A wire XML document read through saxes into a small element tree, text
 * fed as it is decoded (read-wire.ts), with the limits a hostile document
 * meets:
 * - no DTD is processed and no entity expanded: a DOCTYPE with an internal
 *   subset or `<!ENTITY` is refused (WIRE_DTD; an external DTD named by
 *   `SYSTEM`/`PUBLIC`, as NITF files do, is ignored, never fetched); an
 *   entity XML does not predefine is a well-formedness error (saxes), like
 *   any other refused as WIRE_XML_INVALID naming line and column;
 * - nesting deeper than MAX_XML_DEPTH, a text run longer than
 *   MAX_TEXT_RUN, more than MAX_XML_ELEMENTS elements: WIRE_TOO_LARGE;
 * - records (items, entries, newsItems) past `maxRecords` are skipped
 *   unread and counted.
 * Characters XML 1.0 forbids (§2.2) are forgiven and counted: agencies'
 * systems let control characters through, and cleanLine drops them.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { WireReadError } from './wire-read-error.js';

export const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';

/** The deepest nesting read (NewsML-G2 with an NITF body nests about 15). */
export const MAX_XML_DEPTH = 200;
/** The most characters of one text run or CDATA section. */
export const MAX_TEXT_RUN = 8 * 1024 * 1024;
/** The most elements kept from one document. */
export const MAX_XML_ELEMENTS = 400_000;

/** An element as read: its namespace and local name, attributes, children. */
export interface XmlElement {
  uri: string;
  local: string;
  /** Attributes by local name when in no namespace, else `{uri}local` (`{…XML/1998/namespace}lang`). */
  attributes: ReadonlyMap<string, string>;
  children: XmlNode[];
  /** `xml:lang` in force here (inherited), or null. */
  lang: string | null;
  /** `xml:base` in force here (inherited, resolved), or null. */
  base: string | null;
}
export type XmlNode = XmlElement | string;

/** Which elements are records: at `depth` (root = 1), with one of `names` as local name. */
export interface RecordRule {
  depth: number;
  names: ReadonlySet<string>;
}

/** A document read whole. */
export interface XmlTree {
  root: XmlElement;
  records: number;
  skippedRecords: number;
  forbiddenCharacters: number;
}

export interface XmlTreeOptions {
  /** Told the root element at its opening tag (no children yet); returns the record rule or throws to refuse. */
  onRoot(root: XmlElement): RecordRule;
  maxRecords: number;
  maxTextRun?: number;
}

function resolveBase(value: string, parent: string | null): string | null {
  try {
    return new URL(value, parent ?? undefined).href;
  } catch {
    return parent;
  }
}

/** Refuses a DOCTYPE that declares anything (an internal subset, entities). */
function checkDoctype(doctype: string, line: number): void {
  if (doctype.includes('[') || /<!ENTITY/i.test(doctype)) {
    throw new WireReadError(
      'WIRE_DTD',
      `The document declares entities or a DTD subset in its DOCTYPE (line ${line}); they are never read, so the document is refused.`,
    );
  }
}

/** Builds the tree of a document written to it piece by piece. */
export class XmlTreeBuilder {
  private readonly parser = new SaxesParser({ xmlns: true, position: true });
  private readonly stack: XmlElement[] = [];
  private root: XmlElement | null = null;
  private rule: RecordRule | null = null;
  private skipDepth = 0;
  private elements = 0;
  private records = 0;
  private skippedRecords = 0;
  private forbiddenCharacters = 0;
  private readonly maxTextRun: number;

  constructor(private readonly options: XmlTreeOptions) {
    this.maxTextRun = options.maxTextRun ?? MAX_TEXT_RUN;
    const parser = this.parser;
    parser.on('error', (error) => {
      const what = error.message.replace(/^\d+:\d+: /, '');
      if (what === 'disallowed character.') {
        this.forbiddenCharacters += 1;
        return;
      }
      const explained =
        what === 'undefined entity.'
          ? 'undefined entity (only &amp; &lt; &gt; &quot; &apos; and character references are read; entities are never expanded).'
          : what;
      throw this.invalid(explained);
    });
    parser.on('doctype', (doctype) => checkDoctype(doctype, parser.line));
    parser.on('opentag', (tag) => this.open(tag));
    parser.on('closetag', () => this.close());
    parser.on('text', (text) => this.text(text));
    parser.on('cdata', (text) => this.text(text));
  }

  private invalid(what: string): WireReadError {
    return new WireReadError(
      'WIRE_XML_INVALID',
      `The document is not well-formed XML: line ${this.parser.line}, column ${this.parser.column}: ${what}`,
    );
  }

  private open(tag: SaxesTagNS): void {
    const depth = this.stack.length + (this.skipDepth > 0 ? this.skipDepth : 0) + 1;
    if (depth > MAX_XML_DEPTH) {
      throw new WireReadError(
        'WIRE_TOO_LARGE',
        `The document nests elements more than ${MAX_XML_DEPTH} deep (line ${this.parser.line}); it is not read.`,
      );
    }
    if (this.skipDepth > 0) {
      this.skipDepth += 1;
      return;
    }
    const parent = this.stack.at(-1) ?? null;
    const attributes = new Map<string, string>();
    for (const attribute of Object.values(tag.attributes)) {
      if (
        attribute.uri === XMLNS_NAMESPACE ||
        attribute.prefix === 'xmlns' ||
        attribute.name === 'xmlns'
      )
        continue;
      const key = attribute.uri === '' ? attribute.local : `{${attribute.uri}}${attribute.local}`;
      attributes.set(key, attribute.value);
    }
    const lang = attributes.get(`{${XML_NAMESPACE}}lang`);
    const base = attributes.get(`{${XML_NAMESPACE}}base`);
    const element: XmlElement = {
      uri: tag.uri,
      local: tag.local,
      attributes,
      children: [],
      lang: lang !== undefined ? lang.trim() || null : (parent?.lang ?? null),
      base:
        base !== undefined
          ? resolveBase(base.trim(), parent?.base ?? null)
          : (parent?.base ?? null),
    };
    if (parent === null) {
      this.root = element;
      this.rule = this.options.onRoot(element);
    } else if (this.rule !== null && depth === this.rule.depth && this.rule.names.has(tag.local)) {
      this.records += 1;
      if (this.records > this.options.maxRecords) {
        this.skippedRecords += 1;
        this.skipDepth = 1;
        return;
      }
    }
    this.elements += 1;
    if (this.elements > MAX_XML_ELEMENTS) {
      throw new WireReadError(
        'WIRE_TOO_LARGE',
        `The document has more than ${MAX_XML_ELEMENTS} elements; it is not read.`,
      );
    }
    parent?.children.push(element);
    this.stack.push(element);
  }

  private close(): void {
    if (this.skipDepth > 0) this.skipDepth -= 1;
    else this.stack.pop();
  }

  private text(text: string): void {
    if (this.skipDepth > 0) return;
    const current = this.stack.at(-1);
    if (current === undefined) return;
    const last = current.children.at(-1);
    const joined = typeof last === 'string' ? last + text : text;
    if (joined.length > this.maxTextRun) throw this.tooLong();
    if (typeof last === 'string') current.children[current.children.length - 1] = joined;
    else current.children.push(joined);
  }

  private tooLong(): WireReadError {
    return new WireReadError(
      'WIRE_TOO_LARGE',
      `The document has a text of more than ${this.maxTextRun} characters in one piece (line ${this.parser.line}); it is not read.`,
    );
  }

  /** Reads the next piece of the document's text. */
  write(text: string): void {
    this.parser.write(text);
    const pending: unknown = Reflect.get(this.parser, 'text');
    if (typeof pending === 'string' && pending.length > this.maxTextRun) throw this.tooLong();
  }

  /** Ends the document: its tree. @throws WireReadError WIRE_XML_INVALID when it is cut short or empty. */
  end(): XmlTree {
    this.parser.close();
    if (this.root === null) throw this.invalid('the document has no root element.');
    return {
      root: this.root,
      records: this.records,
      skippedRecords: this.skippedRecords,
      forbiddenCharacters: this.forbiddenCharacters,
    };
  }
}

/** The first child element of `element` named `local` in namespace `uri` (the parent's by default). */
export function childOf(
  element: XmlElement,
  local: string,
  uri: string = element.uri,
): XmlElement | null {
  for (const child of element.children) {
    if (typeof child !== 'string' && child.local === local && child.uri === uri) return child;
  }
  return null;
}

/** Every child element of `element` named `local` in namespace `uri` (the parent's by default). */
export function childrenOf(
  element: XmlElement,
  local: string,
  uri: string = element.uri,
): XmlElement[] {
  return element.children.filter(
    (child): child is XmlElement =>
      typeof child !== 'string' && child.local === local && child.uri === uri,
  );
}

/** The child elements of `element`. */
export function elementsOf(element: XmlElement): XmlElement[] {
  return element.children.filter((child): child is XmlElement => typeof child !== 'string');
}

/** All the text inside `element`, in document order. */
export function textOf(element: XmlElement | null): string {
  if (element === null) return '';
  return element.children
    .map((child) => (typeof child === 'string' ? child : textOf(child)))
    .join('');
}

/** Follows a path of child names (each in the namespace of its parent). */
export function pathOf(element: XmlElement | null, ...locals: string[]): XmlElement | null {
  let current = element;
  for (const local of locals) {
    if (current === null) return null;
    current = childOf(current, local);
  }
  return current;
}
