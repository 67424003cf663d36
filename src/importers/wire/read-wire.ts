/**
 * One wire document read from its bytes as they arrive (an HTTP body, a
 * dropped file): its encoding chosen from its first bytes, its text
 * decoded chunk by chunk, its format told by its content, its items read
 * (src/domain/wire-item.ts). Formats: RSS 2.0 and 1.0 (read-rss.ts), Atom
 * 1.0 (read-atom.ts), JSON Feed 1.0/1.1 (read-json-feed.ts), NewsML-G2
 * (read-newsml-g2.ts), NewsML 1.x (read-newsml1.ts), NITF 3.x
 * (read-nitf.ts); XML safety and limits in read-xml-tree.ts.
 */
import type { WireDocument, WireFormat } from '../../domain/wire-item.js';
import { detectArabicEncoding, EncodingError, streamingDecoder } from '../text-encoding.js';
import { ATOM_NAMESPACE, readAtom } from './read-atom.js';
import { chosenEncoding } from './read-encoding-choice.js';
import type { ItemSink } from './read-item-build.js';
import { readJsonFeed } from './read-json-feed.js';
import {
  G2_NOT_ARTICLES,
  NEWSML_G2_NAMESPACE,
  readNewsItem,
  readNewsMessage,
} from './read-newsml-g2.js';
import { readNewsMl1 } from './read-newsml1.js';
import { readNitf } from './read-nitf.js';
import { RDF_NAMESPACE, readRss1, readRss2 } from './read-rss.js';
import { XmlTreeBuilder, type RecordRule, type XmlElement } from './read-xml-tree.js';
import { WireReadError } from './wire-read-error.js';

export { WireReadError, type WireReadErrorCode } from './wire-read-error.js';

/** Largest wire document read, bytes. */
export const MAX_WIRE_DOCUMENT_BYTES = 16 * 1024 * 1024;
/** The most items read from one document; the rest are skipped with a warning. */
export const MAX_WIRE_ITEMS = 2000;
/** Bytes looked at to choose the encoding (an XML declaration is in them). */
const HEAD_BYTES = 1024;
/** The most bytes decoded and parsed in one step. */
const PIECE_BYTES = 64 * 1024;

/** What the caller knows of the document besides its bytes. */
export interface WireReadHints {
  /** The HTTP `Content-Type` (its charset is used when the document declares none). */
  contentType?: string | null;
  /** The file's name or URL. Not used to tell the format (the content does); kept for callers' records. */
  fileName?: string | null;
  /** An encoding the operator imposed (WHATWG label), over everything else. */
  forcedEncoding?: string | null;
}

const NO_RECORDS: RecordRule = { depth: 0, names: new Set() };

/** The format a root element stands for, and which of its elements are items. */
function formatOfRoot(root: XmlElement): { format: WireFormat; rule: RecordRule } {
  const { local, uri } = root;
  if (local === 'rss' && uri === '')
    return { format: 'rss2', rule: { depth: 3, names: new Set(['item']) } };
  if (local === 'RDF' && uri === RDF_NAMESPACE)
    return { format: 'rss1', rule: { depth: 2, names: new Set(['item']) } };
  if (local === 'feed' && uri === ATOM_NAMESPACE)
    return { format: 'atom', rule: { depth: 2, names: new Set(['entry']) } };
  if (uri === NEWSML_G2_NAMESPACE) {
    if (local === 'newsItem') return { format: 'newsml-g2', rule: NO_RECORDS };
    if (local === 'newsMessage') {
      const names = new Set(['newsItem', ...Object.keys(G2_NOT_ARTICLES)]);
      return { format: 'newsml-g2', rule: { depth: 3, names } };
    }
    const what = G2_NOT_ARTICLES[local];
    if (what !== undefined)
      throw new WireReadError('WIRE_PACKAGE', `The NewsML-G2 ${local} is ${what}.`);
  }
  if (local === 'NewsML')
    return { format: 'newsml1', rule: { depth: 2, names: new Set(['NewsItem']) } };
  if (local === 'nitf') return { format: 'nitf', rule: NO_RECORDS };
  const named = uri === '' ? `<${local}>` : `<${local}> (namespace ${uri})`;
  throw new WireReadError(
    'WIRE_FORMAT_UNKNOWN',
    `The document's root element ${named} is not RSS, Atom, NewsML or NITF.`,
  );
}

function readTree(format: WireFormat, root: XmlElement, sink: ItemSink): void {
  switch (format) {
    case 'rss2':
      return readRss2(root, sink);
    case 'rss1':
      return readRss1(root, sink);
    case 'atom':
      return readAtom(root, sink);
    case 'newsml-g2':
      return root.local === 'newsMessage' ? readNewsMessage(root, sink) : readNewsItem(root, sink);
    case 'newsml1':
      return readNewsMl1(root, sink);
    case 'nitf':
      return readNitf(root, sink);
    case 'jsonfeed':
      throw new Error('A JSON Feed has no XML tree.');
  }
}

/** Chunks as an iterator, counted against MAX_WIRE_DOCUMENT_BYTES. */
async function* limited(
  chunks: AsyncIterable<Uint8Array> | Uint8Array,
): AsyncGenerator<Uint8Array> {
  const source: AsyncIterable<Uint8Array> | Iterable<Uint8Array> =
    chunks instanceof Uint8Array ? [chunks] : chunks;
  let total = 0;
  for await (const chunk of source) {
    total += chunk.length;
    if (total > MAX_WIRE_DOCUMENT_BYTES) {
      throw new WireReadError(
        'WIRE_TOO_LARGE',
        `The document is larger than ${MAX_WIRE_DOCUMENT_BYTES} bytes; it is not read.`,
      );
    }
    // A whole document handed over at once is still decoded and parsed piece by piece.
    for (let at = 0; at < chunk.length; at += PIECE_BYTES)
      yield chunk.subarray(at, at + PIECE_BYTES);
  }
}

function concat(parts: Uint8Array[]): Uint8Array {
  return parts.length === 1 && parts[0] !== undefined ? parts[0] : Buffer.concat(parts);
}

/** Where decoded text goes: the format is told by its first character. */
class TextSink {
  private kind: 'unknown' | 'xml' | 'json' = 'unknown';
  private readonly json: string[] = [];
  private xml: XmlTreeBuilder | null = null;
  private format: WireFormat | null = null;

  write(text: string): void {
    let piece = text;
    if (this.kind === 'unknown') {
      piece = piece.replace(/^\uFEFF/, '');
      const first = /\S/.exec(piece)?.[0];
      if (first === undefined) return;
      if (first === '{') this.kind = 'json';
      else if (first === '<') {
        this.kind = 'xml';
        this.xml = new XmlTreeBuilder({
          onRoot: (root) => {
            const { format, rule } = formatOfRoot(root);
            this.format = format;
            return rule;
          },
          maxRecords: MAX_WIRE_ITEMS,
        });
      } else {
        throw new WireReadError(
          'WIRE_FORMAT_UNKNOWN',
          'The document is neither XML nor a JSON Feed.',
        );
      }
    }
    if (this.kind === 'json') this.json.push(piece);
    else this.xml?.write(piece);
  }

  end(sink: ItemSink): WireFormat {
    if (this.kind === 'json') {
      readJsonFeed(this.json.join(''), sink, MAX_WIRE_ITEMS);
      return 'jsonfeed';
    }
    if (this.xml === null) throw new WireReadError('WIRE_FORMAT_UNKNOWN', 'The document is empty.');
    const tree = this.xml.end();
    const format = this.format ?? formatOfRoot(tree.root).format;
    readTree(format, tree.root, sink);
    if (tree.skippedRecords > 0) {
      sink.warnings.push(
        `The document has ${tree.records} items; only the first ${MAX_WIRE_ITEMS} were read, ${tree.skippedRecords} skipped.`,
      );
    }
    if (tree.forbiddenCharacters > 0) {
      sink.warnings.push(`${tree.forbiddenCharacters} characters that XML forbids were removed.`);
    }
    return format;
  }
}

/**
 * Reads one wire document from its bytes as they arrive (an HTTP body or a
 * file stream), told by content: RSS 2.0, RSS 1.0/RDF, Atom 1.0, JSON Feed
 * 1.0/1.1, NewsML-G2 newsItem or newsMessage, NewsML 1.x, NITF 3.x. The
 * encoding is, in order: `forcedEncoding`, a byte order mark, the XML
 * declaration, the `contentType` charset, else detected among UTF-8,
 * windows-1256 and ISO-8859-6 (the whole document is then held to decide).
 * Items come out in document order, at most MAX_WIRE_ITEMS.
 *
 * @example await readWireDocument(fs.createReadStream('feed.xml'), { contentType: 'application/rss+xml; charset=windows-1256' })
 * @throws WireReadError WIRE_ENCODING (bytes invalid in the encoding, with
 *   their offset; an unknown encoding; detection not certain), WIRE_TOO_LARGE,
 *   WIRE_XML_INVALID (line and column), WIRE_DTD, WIRE_PACKAGE,
 *   WIRE_FORMAT_UNKNOWN, WIRE_JSON_INVALID. Errors of `chunks` itself pass through.
 */
export async function readWireDocument(
  chunks: AsyncIterable<Uint8Array> | Uint8Array,
  hints: WireReadHints,
): Promise<WireDocument> {
  const iterator = limited(chunks)[Symbol.asyncIterator]();
  try {
    return await readFrom(iterator, hints);
  } catch (error) {
    if (error instanceof EncodingError) {
      throw new WireReadError('WIRE_ENCODING', error.message, { cause: error });
    }
    throw error;
  } finally {
    // Ends the source (a file stream is closed) when reading stopped early.
    await iterator.return(undefined);
  }
}

async function readFrom(
  iterator: AsyncIterator<Uint8Array>,
  hints: WireReadHints,
): Promise<WireDocument> {
  const sink: ItemSink = { items: [], warnings: [] };
  const head: Uint8Array[] = [];
  let headLength = 0;
  let done = false;
  while (headLength < HEAD_BYTES) {
    const next = await iterator.next();
    if (next.done === true) {
      done = true;
      break;
    }
    head.push(next.value);
    headLength += next.value.length;
  }
  let encoding = chosenEncoding(concat(head), hints, sink.warnings);
  if (encoding === null) {
    while (!done) {
      const next = await iterator.next();
      if (next.done === true) done = true;
      else head.push(next.value);
    }
    const detected = detectArabicEncoding(concat(head));
    if (!detected.certain) {
      throw new WireReadError(
        'WIRE_ENCODING',
        `The document declares no encoding and its bytes could be ${detected.encoding} or another Arabic encoding; it is not read rather than read wrong.`,
      );
    }
    encoding = detected.encoding;
  }
  const text = new TextSink();
  const decoder = streamingDecoder(encoding);
  for (const chunk of head) text.write(decoder.write(chunk));
  while (!done) {
    const next = await iterator.next();
    if (next.done === true) done = true;
    else text.write(decoder.write(next.value));
  }
  text.write(decoder.end());
  const format = text.end(sink);
  return { format, encoding, items: sink.items, warnings: sink.warnings };
}
