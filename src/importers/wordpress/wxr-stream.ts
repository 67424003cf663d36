/**
 * A WordPress export (WXR 1.0, 1.1, 1.2: RSS 2.0 with the
 * `http://wordpress.org/export/1.x/` namespace, as written by WordPress's
 * wp-admin/includes/export.php) read as a stream of small records: the
 * channel's own fields, its `<wp:author>`, `<wp:category>`, `<wp:tag>` and
 * `<wp:term>` entries, and each `<item>`. The file is read in 64 KiB
 * chunks through saxes, so memory stays bounded whatever the file's size:
 * only the current record is held, and each of its fields is cut at a limit.
 *
 * Safety: entities are never expanded and nothing outside the file is
 * ever read. A DOCTYPE that declares entities (`<!ENTITY`: the billion
 * laughs, XXE) or names an external DTD is refused (IMPORT_FILE_UNSAFE);
 * an entity that XML does not predefine (`&lol9;`) is a well-formedness
 * error like any other (IMPORT_FILE_MALFORMED, naming line and column).
 * Characters that XML 1.0 forbids (§2.2, C0 controls, U+FFFE) are the one
 * fault forgiven, because WordPress writes them into CDATA as they were
 * typed: they are removed from the text and counted.
 */
import { createReadStream } from 'node:fs';
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { removeXmlForbidden } from '../../arabic/clean.js';
import { AppError } from '../../lib/errors.js';

/** A `<category domain="…" nicename="…">name</category>` of an item. */
export interface WxrTermRef {
  /** `category`, `post_tag`, `author` (Co-Authors Plus), `post_format`, … */
  domain: string;
  /** As in the export (percent-encoded when it was). */
  nicename: string;
  name: string;
}

/** The text of an entry's direct children, by qualified name (`wp:post_id`, `content:encoded`). */
export type WxrFields = ReadonlyMap<string, string>;

/** One `<item>`: a post, page, attachment, revision, menu item or custom post. */
export interface WxrItem {
  fields: WxrFields;
  /** The item's `<category>` elements, in file order. */
  terms: WxrTermRef[];
  /** The `wp:postmeta` values of the keys asked for (the first of each key). */
  meta: ReadonlyMap<string, string>;
  /** How many `<wp:comment>` it holds. */
  comments: number;
  /** Names of the fields cut at their limit (see FIELD_LIMITS). */
  truncated: string[];
}

/** A record of the stream, in file order. */
export type WxrRecord =
  | { kind: 'channel'; name: string; value: string }
  | { kind: 'author' | 'category' | 'tag' | 'term'; fields: WxrFields }
  | { kind: 'item'; item: WxrItem }
  | { kind: 'end'; forbiddenCharacters: number };

/** What to keep while reading. */
export interface WxrReadOptions {
  /** Keep `content:encoded` (pass 2); pass 1 does without it. */
  content: boolean;
  /** The postmeta keys whose values are kept. */
  metaKeys: ReadonlySet<string>;
}

/** Characters kept of a field; the rest is dropped and the field named in `truncated`. */
export const FIELD_LIMITS: Readonly<Record<string, number>> = {
  'content:encoded': 5 * 1024 * 1024,
  'excerpt:encoded': 64 * 1024,
  'wp:meta_value': 64 * 1024,
  'wp:category_description': 64 * 1024,
  'wp:tag_description': 64 * 1024,
  'wp:term_description': 64 * 1024,
};
const DEFAULT_FIELD_LIMIT = 10 * 1024;

/**
 * The most characters saxes may gather for one text run or CDATA section
 * before it hands it over; past it the file is refused as too large
 * rather than held (a body of this size is not an article).
 */
export const MAX_TEXT_RUN = 32 * 1024 * 1024;

const CHUNK_BYTES = 64 * 1024;

/** Canonical prefixes of the namespaces WXR uses; other namespaces keep `{uri}local`. */
function prefixOf(uri: string): string | null {
  if (uri === '') return '';
  if (/^https?:\/\/wordpress\.org\/export\/1\.\d+\/?$/.test(uri)) return 'wp';
  if (/^https?:\/\/wordpress\.org\/export\/1\.\d+\/excerpt\/?$/.test(uri)) return 'excerpt';
  if (uri === 'http://purl.org/rss/1.0/modules/content/') return 'content';
  if (uri === 'http://purl.org/dc/elements/1.1/') return 'dc';
  return null;
}

function qualifiedName(tag: SaxesTagNS): string {
  const prefix = prefixOf(tag.uri);
  if (prefix === null) return `{${tag.uri}}${tag.local}`;
  return prefix === '' ? tag.local : `${prefix}:${tag.local}`;
}

const ENTRY_KINDS: Readonly<Record<string, 'author' | 'category' | 'tag' | 'term'>> = {
  'wp:author': 'author',
  'wp:category': 'category',
  'wp:tag': 'tag',
  'wp:term': 'term',
};

/** Text gathered for one field, cut at its limit. */
class FieldText {
  private readonly parts: string[] = [];
  private length = 0;
  truncated = false;
  constructor(private readonly limit: number) {}
  add(text: string): void {
    if (this.truncated) return;
    const room = this.limit - this.length;
    if (text.length > room) {
      this.parts.push(text.slice(0, room));
      this.length = this.limit;
      this.truncated = true;
      return;
    }
    this.parts.push(text);
    this.length += text.length;
  }
  value(): string {
    return flatCopy(removeXmlForbidden(this.parts.join('')));
  }
}

/**
 * `text` in a string of its own. What saxes hands over is a slice of the
 * 64 KiB chunk read from the file, and V8 keeps a whole chunk alive while
 * any slice of it lives: the post keys and addresses kept for every post
 * (pass 1's index, the import's id map) would otherwise hold the whole
 * file in memory (1 GiB for a 477 MB export). Adding a character makes a
 * new string that `slice` flattens into a fresh copy.
 */
function flatCopy(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1);
}

/** The `line L, column C: what` prefix of every malformed-file message. */
function malformed(line: number, column: number, what: string): AppError {
  return new AppError(
    'IMPORT_FILE_MALFORMED',
    `The WordPress export is not well-formed XML: line ${line}, column ${column}: ${what}`,
    { details: { line, column } },
  );
}

/** Refuses a DOCTYPE that declares entities or names an external DTD. */
function checkDoctype(doctype: string, line: number): void {
  if (/<!ENTITY/i.test(doctype)) {
    throw new AppError(
      'IMPORT_FILE_UNSAFE',
      `The WordPress export declares entities in its DOCTYPE (line ${line}); entities are never expanded, so the file is not read.`,
    );
  }
  if (/^\s*[^\s[]+\s+(?:SYSTEM|PUBLIC)\b/i.test(doctype)) {
    throw new AppError(
      'IMPORT_FILE_UNSAFE',
      `The WordPress export names an external DTD in its DOCTYPE (line ${line}); nothing outside the file is ever read.`,
    );
  }
}

/** Where the reader stands: which entry, which field. */
interface ReadState {
  depth: number;
  /** Depth of the current `<item>` or channel entry, or 0. */
  entryDepth: number;
  entryKind: 'item' | 'author' | 'category' | 'tag' | 'term' | null;
  fields: Map<string, string>;
  terms: WxrTermRef[];
  meta: Map<string, string>;
  /** Inside a `<wp:postmeta>` of the item. */
  inPostmeta: boolean;
  metaKey: string | null;
  comments: number;
  truncated: string[];
  field: { name: string; text: FieldText; attributes: Record<string, string> } | null;
}

function emptyState(): ReadState {
  return {
    depth: 0,
    entryDepth: 0,
    entryKind: null,
    fields: new Map(),
    terms: [],
    meta: new Map(),
    inPostmeta: false,
    metaKey: null,
    comments: 0,
    truncated: [],
    field: null,
  };
}

/**
 * The records of the WXR file at `file`, in file order, ending with an
 * `end` record.
 * @throws AppError IMPORT_FILE_MALFORMED (message names line and column),
 *   IMPORT_FILE_UNSAFE (entity declarations, an external DTD),
 *   IMPORT_FILE_TOO_LARGE (one text run over MAX_TEXT_RUN characters).
 *   Records before the fault have been yielded: a caller that must not
 *   write before the file is known good reads it whole first.
 */
export async function* readWxr(
  file: string,
  options: WxrReadOptions,
): AsyncGenerator<WxrRecord, void, undefined> {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const queue: WxrRecord[] = [];
  const state = emptyState();
  let forbiddenCharacters = 0;
  let channelDepth = 0;

  parser.on('error', (error) => {
    const what = error.message.replace(/^\d+:\d+: /, '');
    if (what === 'disallowed character.') {
      forbiddenCharacters += 1;
      return;
    }
    const explained =
      what === 'undefined entity.'
        ? 'undefined entity (only &amp; &lt; &gt; &quot; &apos; and character references are read; entities are never expanded).'
        : what;
    throw malformed(parser.line, parser.column, explained);
  });
  parser.on('doctype', (doctype) => checkDoctype(doctype, parser.line));

  parser.on('opentag', (tag) => {
    state.depth += 1;
    const name = qualifiedName(tag);
    if (state.depth === 1 && name !== 'rss') {
      throw malformed(parser.line, parser.column, `the root element is <${tag.name}>, not <rss>.`);
    }
    if (state.depth === 2 && name === 'channel') channelDepth = 2;
    if (channelDepth === 0 || state.depth <= channelDepth) return;
    if (state.entryKind === null) {
      if (state.depth !== channelDepth + 1) return;
      const entry = name === 'item' ? 'item' : (ENTRY_KINDS[name] ?? null);
      if (entry !== null) {
        state.entryKind = entry;
        state.entryDepth = state.depth;
      } else {
        startField(name, tag);
      }
      return;
    }
    const below = state.depth - state.entryDepth;
    if (below === 1) {
      if (name === 'wp:comment') state.comments += 1;
      else if (name === 'wp:postmeta') state.inPostmeta = true;
      else if (name !== 'wp:termmeta') startField(name, tag);
    } else if (below === 2 && state.inPostmeta && state.field === null) {
      startField(name, tag);
    }
  });

  function startField(name: string, tag: SaxesTagNS): void {
    if (name === 'content:encoded' && !options.content) return;
    const attributes: Record<string, string> = {};
    for (const attribute of Object.values(tag.attributes)) {
      attributes[attribute.local] = attribute.value;
    }
    state.field = {
      name,
      text: new FieldText(FIELD_LIMITS[name] ?? DEFAULT_FIELD_LIMIT),
      attributes,
    };
  }

  const onText = (text: string): void => state.field?.text.add(text);
  parser.on('text', onText);
  parser.on('cdata', onText);

  parser.on('closetag', (tag) => {
    const field = state.field;
    if (field !== null && qualifiedName(tag) === field.name && isFieldDepth()) {
      endField(field);
      state.field = null;
    }
    if (state.entryKind !== null && state.depth === state.entryDepth + 1) state.inPostmeta = false;
    if (state.entryKind !== null && state.depth === state.entryDepth) endEntry();
    state.depth -= 1;
  });

  function isFieldDepth(): boolean {
    if (state.entryKind === null) return state.depth === channelDepth + 1;
    const below = state.depth - state.entryDepth;
    return below === 1 || below === 2;
  }

  function endField(field: NonNullable<ReadState['field']>): void {
    const value = field.text.value();
    if (field.text.truncated) state.truncated.push(field.name);
    if (state.entryKind === null) {
      queue.push({ kind: 'channel', name: field.name, value });
    } else if (field.name === 'wp:meta_key') {
      state.metaKey = value;
    } else if (field.name === 'wp:meta_value') {
      const key = state.metaKey;
      if (key !== null && options.metaKeys.has(key) && !state.meta.has(key)) {
        state.meta.set(key, value);
      }
      state.metaKey = null;
    } else if (field.name === 'category' && state.entryKind === 'item') {
      state.terms.push({
        domain: field.attributes.domain ?? '',
        nicename: field.attributes.nicename ?? '',
        name: value,
      });
    } else if (!state.fields.has(field.name)) {
      state.fields.set(field.name, value);
    }
  }

  function endEntry(): void {
    if (state.entryKind === 'item') {
      queue.push({
        kind: 'item',
        item: {
          fields: state.fields,
          terms: state.terms,
          meta: state.meta,
          comments: state.comments,
          truncated: state.truncated,
        },
      });
    } else if (state.entryKind !== null) {
      queue.push({ kind: state.entryKind, fields: state.fields });
    }
    Object.assign(state, emptyState(), { depth: state.depth });
  }

  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: CHUNK_BYTES });
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      parser.write(chunk);
      if (pendingText(parser) > MAX_TEXT_RUN) {
        throw new AppError(
          'IMPORT_FILE_TOO_LARGE',
          `The WordPress export has a text of more than ${MAX_TEXT_RUN} characters in one piece (at line ${parser.line}); it is not read.`,
        );
      }
      yield* queue.splice(0);
    }
    parser.close();
  } finally {
    stream.destroy();
  }
  if (channelDepth === 0) {
    throw malformed(parser.line, parser.column, 'the file has no <channel>.');
  }
  yield* queue.splice(0);
  yield { kind: 'end', forbiddenCharacters };
}

/**
 * How many characters saxes holds for the text run or CDATA section it is
 * reading. saxes keeps them in its `text` field until the run ends; it has
 * no public accessor, so it is read by name (saxes 6).
 */
function pendingText(parser: SaxesParser): number {
  const text: unknown = Reflect.get(parser, 'text');
  return typeof text === 'string' ? text.length : 0;
}
