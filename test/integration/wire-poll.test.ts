/**
 * Polling wire sources on both engines: a feed on a local HTTP server that
 * changes, answers 304, fails, hangs, grows too large, and a private
 * address refused; and a drop folder of NewsML-G2 and NITF files. The
 * queue is read after each step (services/wire-queue.ts wireQueueForExport).
 */
import {
  copyFileSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { pollWireOnce, type PollOptions } from '../../src/importers/wire/wire-poller.js';
import { sanitizeHere } from '../../src/services/sanitizer-pool.js';
import { wireQueueForExport } from '../../src/services/wire-queue.js';
import { addWireSource, listWireSources } from '../../src/services/wire-sources.js';
import { describeEachDialect, openTestDatabase, type TestDatabase } from '../helpers/dialects.js';
import { testFolder } from '../helpers/temp-folder.js';

const FIXTURES = new URL('../fixtures/wire-poll/', import.meta.url).pathname;
const feedV1 = readFileSync(join(FIXTURES, 'feed-v1.xml'));
const feedV2 = readFileSync(join(FIXTURES, 'feed-v2.xml'));

/** `text` in windows-1256 (Node decodes it but has no encoder): each character's byte, by the decoder's table. */
function toWindows1256(text: string): Buffer {
  const decoder = new TextDecoder('windows-1256');
  const byteOf = new Map<string, number>();
  for (let byte = 0; byte < 256; byte++) byteOf.set(decoder.decode(Uint8Array.of(byte)), byte);
  return Buffer.from(
    [...text].map((char) => {
      const byte = byteOf.get(char);
      if (byte === undefined) throw new Error(`${char} is not in windows-1256`);
      return byte;
    }),
  );
}

/** What the agency's server does now. */
type Mode = 'v1' | 'v2' | 'fails' | 'hangs' | 'too-large' | 'too-large-streamed' | 'windows-1256';
let mode: Mode = 'v1';
let requests: IncomingHttpHeaders[] = [];
/** How long the feed takes to answer, ms (so that two rounds overlap for certain). */
let answerDelayMs = 0;
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer(async (request, response) => {
    requests.push(request.headers);
    if (answerDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, answerDelayMs));
    const rss = { 'content-type': 'application/rss+xml; charset=utf-8' };
    switch (mode) {
      case 'v1':
        response
          .writeHead(200, {
            ...rss,
            etag: '"v1"',
            'last-modified': 'Fri, 04 Dec 2026 07:20:00 GMT',
          })
          .end(feedV1);
        return;
      case 'v2':
        if (request.headers['if-none-match'] === '"v2"') return void response.writeHead(304).end();
        response
          .writeHead(200, {
            ...rss,
            etag: '"v2"',
            'last-modified': 'Fri, 04 Dec 2026 08:10:00 GMT',
          })
          .end(feedV2);
        return;
      case 'fails':
        response.writeHead(500, { 'content-type': 'text/plain' }).end('database down');
        return;
      case 'hangs':
        return; // never answers
      case 'windows-1256':
        // No XML declaration: the charset comes from the HTTP header alone.
        response
          .writeHead(200, { 'content-type': 'application/rss+xml; charset=windows-1256' })
          .end(toWindows1256(feedV1.toString('utf8').replace(/^<\?xml[^>]*>\s*/, '')));
        return;
      case 'too-large-streamed': {
        // No length said: the limit is found while reading (17 MiB of short comments in the feed).
        response.writeHead(200, rss);
        response.write('<rss version="2.0"><channel>');
        const mebibyte = Buffer.from(`<!-- ${' '.repeat(1014)} -->\n`.repeat(1024));
        let sent = 0;
        const more = () => {
          while (sent < 17 && !response.destroyed) {
            sent++;
            if (!response.write(mebibyte)) return void response.once('drain', more);
          }
          response.end('</channel></rss>');
        };
        more();
        return;
      }
      case 'too-large':
        response.writeHead(200, { ...rss, 'content-length': String(17 * 1024 * 1024) });
        response.write('<rss version="2.0">');
        return;
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describeEachDialect((dialect) => {
  let database: TestDatabase;
  let clock: Date;
  const deps = () => ({ database, now: () => clock, sanitize: sanitizeHere });
  const poll = (options: PollOptions = {}) =>
    pollWireOnce(deps(), { settleMs: 0, timeoutMs: 2000, ...options });
  const later = (minutes: number) => (clock = new Date(clock.getTime() + minutes * 60_000));
  const queue = async () => {
    const items = [];
    for await (const item of wireQueueForExport(deps())) items.push(item);
    return items;
  };
  const headlines = async () => (await queue()).map((item) => `${item.guid} ${item.headline}`);
  const source = async (name: string) => {
    const found = (await listWireSources(deps(), null)).find((s) => s.name === name);
    if (!found) throw new Error(`no source ${name}`);
    return found;
  };

  beforeEach(async () => {
    database = await openTestDatabase(dialect);
    clock = new Date('2026-12-04T08:30:00Z');
    mode = 'v1';
    requests = [];
    answerDelayMs = 0;
  });
  afterEach(async () => {
    server.closeAllConnections();
    await database.close();
  });

  it('reads a feed, then its changes, a 304, a 500, a hang, a body too large and a private address', async () => {
    await addWireSource(deps(), null, {
      name: 'midad-ar',
      agency: 'وكالة المداد',
      url: `${base}/ar/rss`,
      everyMinutes: 5,
      allowPrivate: true,
    });

    // 1. The feed as first read.
    const first = await poll();
    expect(first.sources).toEqual([
      expect.objectContaining({
        name: 'midad-ar',
        kind: 'url',
        status: 'ok',
        items: 2,
        added: 2,
        updated: 0,
        duplicates: 0,
        unchanged: 0,
        error: null,
        refused: [],
      }),
    ]);
    expect(requests[0]?.['user-agent']).toBe('Midad wire reader');
    expect(requests[0]?.['if-none-match']).toBeUndefined();
    expect(await headlines()).toEqual([
      'midad-wire-1002 ارتفاع منسوب النهر بعد الأمطار الغزيرة',
      'midad-wire-1001 افتتاح معرض الكتاب في دورته الثلاثين',
    ]);
    expect(await source('midad-ar')).toMatchObject({
      etag: '"v1"',
      lastModified: 'Fri, 04 Dec 2026 07:20:00 GMT',
      failures: 0,
      lastError: null,
      lastItemCount: 2,
      nextPollAt: new Date('2026-12-04T08:35:00Z'),
      leaseUntil: null,
    });

    // Not due yet: nothing is polled.
    later(4);
    expect((await poll()).sources).toEqual([]);
    expect(requests).toHaveLength(1);

    // 2. Changed at the source: a new item, an updated one, one the same.
    later(1);
    mode = 'v2';
    const second = await poll();
    expect(second.sources[0]).toMatchObject({
      status: 'ok',
      items: 3,
      added: 1,
      updated: 1,
      unchanged: 1,
    });
    expect(requests[1]?.['if-none-match']).toBe('"v1"');
    expect(requests[1]?.['if-modified-since']).toBe('Fri, 04 Dec 2026 07:20:00 GMT');
    expect(await headlines()).toEqual([
      'midad-wire-1003 الأسد يلتقي وفداً برلمانياً في العاصمة',
      'midad-wire-1002 ارتفاع منسوب النهر متراً بعد الأمطار الغزيرة وإغلاق طريقين',
      'midad-wire-1001 افتتاح معرض الكتاب في دورته الثلاثين',
    ]);
    const afterChange = await queue();
    expect(afterChange[1]).toMatchObject({
      source: 'midad-ar',
      agency: 'وكالة المداد',
      time: '2026-12-04T07:45:00.000Z',
      timeEstimated: false,
      section: null,
      link: 'https://wire.example/ar/news/1002',
      usedArticleId: null,
    });

    // 3. Not modified: asked with the validators, the queue as it was.
    later(5);
    const third = await poll();
    expect(third.sources[0]).toMatchObject({
      status: 'not-modified',
      items: 0,
      added: 0,
      error: null,
    });
    expect(requests[2]?.['if-none-match']).toBe('"v2"');
    expect(await queue()).toEqual(afterChange);
    expect(await source('midad-ar')).toMatchObject({ etag: '"v2"', failures: 0 });

    // 4. A server error: recorded, polled again after twice the interval, the queue as it was.
    later(5);
    mode = 'fails';
    const fourth = await poll();
    expect(fourth.sources[0]).toMatchObject({ status: 'failed', error: 'fetch failed: 500' });
    expect(await queue()).toEqual(afterChange);
    expect(await source('midad-ar')).toMatchObject({
      failures: 1,
      lastError: 'fetch failed: 500',
      etag: '"v2"',
      nextPollAt: new Date(clock.getTime() + 10 * 60_000),
      leaseUntil: null,
    });
    later(5);
    expect((await poll()).sources).toEqual([]); // backing off

    // 5. A server that never answers: the time limit, the wait doubled again.
    later(5);
    mode = 'hangs';
    const fifth = await poll({ timeoutMs: 300 });
    expect(fifth.sources[0]).toMatchObject({ status: 'failed', error: 'timed out after 0.3 s' });
    expect(await source('midad-ar')).toMatchObject({
      failures: 2,
      lastError: 'timed out after 0.3 s',
      nextPollAt: new Date(clock.getTime() + 20 * 60_000),
    });
    expect(await queue()).toEqual(afterChange);

    // 6. A feed over 16 MiB is refused before it is read.
    later(20);
    mode = 'too-large';
    const sixth = await poll();
    expect(sixth.sources[0]).toMatchObject({
      status: 'failed',
      error: 'too large (17 MiB; at most 16 MiB)',
    });
    expect(await queue()).toEqual(afterChange);
    later(40);
    mode = 'too-large-streamed';
    const streamed = await poll();
    expect(streamed.sources[0]).toMatchObject({
      status: 'failed',
      error: 'too large (more than 16 MiB; at most 16 MiB)',
    });
    expect(await queue()).toEqual(afterChange);

    // 7. Forced, the source comes back; a success clears the failures.
    mode = 'v2';
    const seventh = await poll({ force: true });
    expect(seventh.sources[0]).toMatchObject({ status: 'not-modified' });
    expect(await source('midad-ar')).toMatchObject({ failures: 0, lastError: null });

    // 8. Private addresses are refused at connection time unless the source allows them.
    await database.db
      .updateTable('wire_sources')
      .set({ allow_private: 0 })
      .where('name', '=', 'midad-ar')
      .execute();
    const before = requests.length;
    const eighth = await poll({ force: true });
    expect(eighth.sources[0]).toMatchObject({
      status: 'failed',
      error: 'refused: 127.0.0.1 is not a public address',
    });
    expect(requests).toHaveLength(before);
    expect(await queue()).toEqual(afterChange);
  });

  it('reads a windows-1256 feed by its HTTP charset, in Arabic', async () => {
    mode = 'windows-1256';
    await addWireSource(deps(), null, {
      name: 'legacy',
      agency: 'وكالة قديمة',
      url: `${base}/rss.php`,
      allowPrivate: true,
    });
    expect((await poll()).sources[0]).toMatchObject({ status: 'ok', added: 2 });
    expect(await headlines()).toEqual([
      'midad-wire-1002 ارتفاع منسوب النهر بعد الأمطار الغزيرة',
      'midad-wire-1001 افتتاح معرض الكتاب في دورته الثلاثين',
    ]);
  });

  it('polls a source once when two instances poll at the same moment', async () => {
    await addWireSource(deps(), null, {
      name: 'midad-ar',
      agency: 'وكالة المداد',
      url: `${base}/ar/rss`,
      allowPrivate: true,
    });
    // The first round holds its lease while the feed answers, as a real agency's server makes it.
    answerDelayMs = 300;
    const rounds = await Promise.all([poll({ force: true }), poll({ force: true })]);
    expect(
      rounds.flatMap((round) => round.sources.map((s) => `${s.name} ${s.status} ${s.error}`)),
    ).toEqual(['midad-ar ok null']);
    expect(requests).toHaveLength(1);
  });

  it('reads the NewsML-G2 and NITF files dropped in a folder, new and changed ones only, and refuses a package', async () => {
    const folder = testFolder('wire-drop');
    clock = new Date('2026-12-04T12:00:00Z'); // after the items' times (a future one is taken for the arrival)
    await addWireSource(deps(), null, { name: 'drop', agency: 'وكالة المداد', folder });
    // Whole seconds: a time every file system keeps exactly, so a re-drop can carry the same one.
    const dropped = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
    const drop = (name: string) => {
      copyFileSync(join(FIXTURES, name), join(folder, name));
      utimesSync(join(folder, name), dropped, dropped);
    };
    drop('newsml-g2-item.xml');
    drop('nitf-story.xml');
    drop('newsml-g2-package.xml');
    writeFileSync(join(folder, 'photo.jpg'), 'not read');
    writeFileSync(join(folder, '.upload.xml'), 'still being written');
    // A link is not followed, wherever it leads (here: a NewsML-G2 file outside the folder).
    symlinkSync(join(FIXTURES, 'newsml-g2-item.xml'), join(folder, 'outside.xml'));

    const first = await poll();
    expect(first.sources).toEqual([
      expect.objectContaining({
        name: 'drop',
        kind: 'folder',
        status: 'ok',
        items: 2,
        added: 2,
        error: null,
        refused: [
          {
            file: 'newsml-g2-package.xml',
            reason: 'The NewsML-G2 packageItem is a package, not an article.',
          },
        ],
      }),
    ]);
    expect(await headlines()).toEqual([
      'midad-nitf-3001 فوز المنتخب في مباراته الأولى',
      'urn:newsml:wire.example:20261204:midad-g2-2001 الحكومة تقر مشروع موازنة العام المقبل',
    ]);
    // The refusal shows on the sources page as the source's last error, with no backoff.
    const [afterFirst] = await listWireSources(deps(), null);
    expect([afterFirst?.lastError, afterFirst?.failures]).toEqual([
      'newsml-g2-package.xml: The NewsML-G2 packageItem is a package, not an article.',
      0,
    ]);
    const [nitf] = await queue();
    expect(nitf).toMatchObject({
      time: '2026-12-04T10:30:00.000Z',
      timeEstimated: false,
      version: 1,
    });

    // Dropped again unchanged (same size and time): not read; the package is not retried.
    const item = join(folder, 'newsml-g2-item.xml');
    drop('newsml-g2-item.xml');
    later(5);
    const second = await poll();
    expect(second.sources[0]).toMatchObject({ status: 'not-modified', items: 0, refused: [] });
    expect((await listWireSources(deps(), null))[0]?.lastError).toBeNull();

    // A new version of the item: read again, and the queue entry updated.
    const v2 = readFileSync(item, 'utf8')
      .replace('version="1"', 'version="2"')
      .replace(
        'الحكومة تقر مشروع موازنة العام المقبل',
        'الحكومة تقر مشروع موازنة العام المقبل بعجز أقل',
      );
    writeFileSync(item, v2);
    utimesSync(item, new Date(dropped.getTime() + 1000), new Date(dropped.getTime() + 1000));
    later(5);
    const third = await poll();
    expect(third.sources[0]).toMatchObject({
      status: 'ok',
      items: 1,
      added: 0,
      updated: 1,
      refused: [],
    });
    expect(await headlines()).toEqual([
      'midad-nitf-3001 فوز المنتخب في مباراته الأولى',
      'urn:newsml:wire.example:20261204:midad-g2-2001 الحكومة تقر مشروع موازنة العام المقبل بعجز أقل',
    ]);
    expect((await queue())[1]).toMatchObject({ version: 2 });

    // A file taken away is forgotten: dropped again, it is read (here: refused) again.
    rmSync(join(folder, 'newsml-g2-package.xml'));
    expect((await poll({ force: true })).sources[0]).toMatchObject({ status: 'not-modified' });
    drop('newsml-g2-package.xml');
    expect((await poll({ force: true })).sources[0]).toMatchObject({
      status: 'ok',
      items: 0,
      refused: [{ file: 'newsml-g2-package.xml', reason: expect.stringContaining('a package') }],
    });

    // A folder that went away fails the source, and the queue keeps its items.
    rmSync(folder, { recursive: true });
    const fourth = await poll({ force: true });
    expect(fourth.sources[0]).toMatchObject({
      status: 'failed',
      error: `the folder ${folder} does not exist`,
    });
    expect(await headlines()).toHaveLength(2);
  });
});
