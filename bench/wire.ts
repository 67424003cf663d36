/**
 * The wire desk's bench: how fast one agency feed is read and taken into
 * the queue. A feed of `items` items (default 2,000, the most a document
 * gives: src/importers/wire/read-wire.ts MAX_WIRE_ITEMS) is made from the
 * corpus as RSS 2.0 with full bodies (`content:encoded`), written in UTF-8
 * and in windows-1256, declared in the XML declaration and not (then
 * detected). Each is read with `readWireDocument` (best of three); the
 * UTF-8 one is then ingested into a new SQLite queue twice: first every
 * item is new (a source's first poll), then every item is unchanged (the
 * steady state of a feed polled every few minutes without a 304).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readWireDocument } from '../src/importers/wire/read-wire.js';
import { sanitizeHere } from '../src/services/sanitizer-pool.js';
import { ingestWireItems } from '../src/services/wire-queue.js';
import { addWireSource } from '../src/services/wire-sources.js';
import { openDatabase } from '../src/storage/database.js';
import { row } from './table.js';

/** One reading of the feed. */
export interface WireReadFigures {
  encoding: string;
  how: 'declared' | 'detected';
  bytes: number;
  items: number;
  ms: number;
}

export interface WireFigures {
  read: WireReadFigures[];
  /** Items per second into an empty queue (all new), and again (all unchanged). */
  ingestNewPerSecond: number;
  ingestUnchangedPerSecond: number;
  items: number;
}

interface CorpusLine {
  id: string;
  title: string | null;
  body: string;
  date: string;
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The RSS 2.0 feed of the corpus's first `items` articles with a title, as text (no declaration). */
function feedText(corpus: string, items: number): string {
  const lines = readFileSync(corpus, 'utf8').split('\n');
  const entries: string[] = [];
  for (const line of lines) {
    if (entries.length === items) break;
    if (line.trim() === '') continue;
    const article = JSON.parse(line) as CorpusLine;
    if (!article.title) continue;
    const paragraphs = article.body
      .split('\n')
      .filter((p) => p.trim() !== '')
      .map((p) => `<p>${escapeXml(p)}</p>`)
      .join('');
    const day = new Date(`${article.date}T09:00:00+03:00`);
    entries.push(
      `<item><title>${escapeXml(article.title)}</title>` +
        `<link>https://agency.example/ar/${article.id}</link>` +
        `<guid isPermaLink="false">agency-${article.id}</guid>` +
        `<pubDate>${day.toUTCString().replace('GMT', '+0000')}</pubDate>` +
        `<description>${escapeXml(article.body.slice(0, 200))}</description>` +
        `<content:encoded><![CDATA[${paragraphs}]]></content:encoded></item>`,
    );
  }
  return (
    '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>' +
    '<title>وكالة الأنباء</title><link>https://agency.example/ar</link><language>ar</language>' +
    `${entries.join('')}</channel></rss>`
  );
}

/** windows-1256 bytes of `text`; characters it lacks become `?` (the corpus has few). */
function windows1256(text: string): Uint8Array {
  const decoder = new TextDecoder('windows-1256');
  const table = new Map<string, number>();
  for (let byte = 0; byte < 256; byte++) {
    table.set(decoder.decode(Uint8Array.of(byte)), byte);
  }
  const out = new Uint8Array(text.length * 2);
  let n = 0;
  for (const char of text) out[n++] = table.get(char) ?? 0x3f;
  return out.subarray(0, n);
}

/** The fastest of three readings of `bytes`, ms, and the items read. */
async function timeRead(
  bytes: Uint8Array,
): Promise<{ ms: number; items: number; encoding: string }> {
  let best = Number.POSITIVE_INFINITY;
  let items = 0;
  let encoding = '';
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    const document = await readWireDocument(bytes, {});
    best = Math.min(best, performance.now() - start);
    items = document.items.length;
    encoding = document.encoding;
  }
  return { ms: best, items, encoding };
}

/** Reads and ingests the corpus's feed; figures as above. */
export async function measureWire(
  corpus: string,
  dir: string,
  items = 2000,
  onStep: (step: string) => void = () => {},
): Promise<WireFigures> {
  const text = feedText(corpus, items);
  const declared = (encoding: string) => `<?xml version="1.0" encoding="${encoding}"?>\n${text}`;
  const inputs: Array<{ how: 'declared' | 'detected'; bytes: Uint8Array }> = [
    { how: 'declared', bytes: new TextEncoder().encode(declared('UTF-8')) },
    { how: 'declared', bytes: windows1256(declared('windows-1256')) },
    { how: 'detected', bytes: windows1256(text) },
  ];
  const read: WireReadFigures[] = [];
  for (const input of inputs) {
    onStep(`reading a feed of ${input.bytes.length.toLocaleString('en')} bytes`);
    const figures = await timeRead(input.bytes);
    read.push({ ...figures, how: input.how, bytes: input.bytes.length });
  }
  const database = await openDatabase({ file: join(dir, 'wire.db') });
  try {
    const deps = {
      database,
      now: () => new Date(),
      sanitize: sanitizeHere,
      retentionDays: 365 * 20,
    };
    const source = await addWireSource(deps, null, { name: 'bench', agency: 'وكالة', folder: dir });
    const document = await readWireDocument(inputs[0]!.bytes, {});
    onStep(`ingesting ${document.items.length} items`);
    const timeIngest = async () => {
      const start = performance.now();
      await ingestWireItems(deps, source.id, document.items, new Date());
      return document.items.length / ((performance.now() - start) / 1000);
    };
    const ingestNewPerSecond = await timeIngest();
    const ingestUnchangedPerSecond = await timeIngest();
    return { read, ingestNewPerSecond, ingestUnchangedPerSecond, items: document.items.length };
  } finally {
    await database.close();
  }
}

/** Prints the figures as the bench's other tables. */
export function printWire(figures: WireFigures): void {
  console.log(
    `\nWire desk: an RSS 2.0 feed of ${figures.items.toLocaleString('en')} corpus articles`,
  );
  for (const r of figures.read) {
    row(`read, ${r.encoding} ${r.how}`, [
      `${(r.bytes / 1e6).toFixed(1)} MB`,
      `${r.ms.toFixed(0)} ms`,
      `${(r.bytes / 1e6 / (r.ms / 1000)).toFixed(1)} MB/s`,
    ]);
  }
  row('ingest, every item new', [`${figures.ingestNewPerSecond.toFixed(0)} items/s`]);
  row('ingest, every item unchanged', [`${figures.ingestUnchangedPerSecond.toFixed(0)} items/s`]);
}
