/**
 * `midad wire …` end to end, as an operator or cron runs it: the built
 * command (bin/midad.js over dist/, `npm run build` first) on both engines,
 * against a feed on a local HTTP server.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, readFileSync, utimesSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { openDatabase } from '../../src/storage/database.js';
import { describeEachDialect, openTestDatabase, type TestDatabase } from '../helpers/dialects.js';
import { startServe, stopServe } from '../helpers/serve-process.js';
import { testFolder } from '../helpers/temp-folder.js';

const BIN = new URL('../../bin/midad.js', import.meta.url).pathname;
const FIXTURES = new URL('../fixtures/wire-poll/', import.meta.url).pathname;
const feedV1 = readFileSync(join(FIXTURES, 'feed-v1.xml'));

let server: Server;
let base: string;
let failing = false;

beforeAll(async () => {
  server = createServer((request, response) => {
    if (failing) return void response.writeHead(500).end();
    if (request.headers['if-none-match'] === '"v1"') return void response.writeHead(304).end();
    response
      .writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: '"v1"' })
      .end(feedV1);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

interface Ran {
  code: number | null;
  stdout: string[];
  stderr: string;
}

/** Runs `midad …args` and resolves with its exit status and output (stdout as lines). */
function midad(args: string[]): Promise<Ran> {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, MIDAD_LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => void (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ code, stdout: stdout.split('\n').filter((line) => line !== ''), stderr }),
    );
  });
}

const ISO = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

describeEachDialect((dialect) => {
  let flags: string[];
  let database: TestDatabase | null = null;

  beforeEach(async () => {
    failing = false;
    if (dialect === 'sqlite') {
      const file = join(testFolder('cli-wire'), 'site.db');
      await (await openDatabase({ file })).close(); // made and migrated: wire commands need a site
      flags = ['--db', file];
    } else {
      database = await openTestDatabase('postgres');
      flags = ['--database', database.url ?? ''];
    }
  });
  afterEach(async () => {
    await database?.close();
    database = null;
  });

  // Each step starts a `midad` process (about a second each; several on a loaded machine).
  it(
    'adds, lists, polls, prints the queue and removes a source',
    { timeout: 120_000 },
    async () => {
      const added = await midad([
        'wire',
        'add',
        ...flags,
        '--name',
        'midad-ar',
        '--agency',
        'وكالة المداد',
        '--url',
        `${base}/ar/rss`,
        '--every',
        '10',
        '--allow-private',
      ]);
      expect(added).toEqual({
        code: 0,
        stdout: [`added wire source midad-ar (${base}/ar/rss), polled every 10 min`],
        stderr: '',
      });

      const listed = await midad(['wire', 'list', ...flags, '--json']);
      expect(listed.code).toBe(0);
      expect(listed.stdout.map((line) => JSON.parse(line) as unknown)).toEqual([
        {
          name: 'midad-ar',
          agency: 'وكالة المداد',
          kind: 'url',
          url: `${base}/ar/rss`,
          folder: null,
          section: null,
          everyMinutes: 10,
          enabled: true,
          allowPrivate: true,
          lastPolledAt: null,
          lastOkAt: null,
          nextPollAt: ISO,
          failures: 0,
          lastError: null,
          lastItemCount: 0,
        },
      ]);

      expect(await midad(['wire', 'poll', ...flags])).toEqual({
        code: 0,
        stdout: ['midad-ar: 2 new, 0 updated, 0 duplicates'],
        stderr: '',
      });
      // Not due again for ten minutes: cron's round polls nothing; a forced one gets a 304.
      expect(await midad(['wire', 'poll', '--due', ...flags])).toEqual({
        code: 0,
        stdout: ['no wire source is due'],
        stderr: '',
      });
      expect(await midad(['wire', 'poll', ...flags])).toEqual({
        code: 0,
        stdout: ['midad-ar: not modified'],
        stderr: '',
      });

      const queue = await midad(['wire', 'queue', '--json', ...flags]);
      expect(queue.code).toBe(0);
      expect(queue.stdout.map((line) => JSON.parse(line) as unknown)).toEqual([
        {
          source: 'midad-ar',
          agency: 'وكالة المداد',
          guid: 'midad-wire-1002',
          version: null,
          headline: 'ارتفاع منسوب النهر بعد الأمطار الغزيرة',
          time: '2026-12-04T07:15:00.000Z',
          timeEstimated: false,
          section: null,
          text: 'قالت هيئة الأرصاد إن منسوب النهر ارتفع نصف متر خلال الليل.',
          link: 'https://wire.example/ar/news/1002',
          updatedAtSource: null,
          usedArticleId: null,
          status: 'usable',
        },
        {
          source: 'midad-ar',
          agency: 'وكالة المداد',
          guid: 'midad-wire-1001',
          version: null,
          headline: 'افتتاح معرض الكتاب في دورته الثلاثين',
          time: '2026-12-04T06:30:00.000Z',
          timeEstimated: false,
          section: null,
          text: 'افتتح وزير الثقافة صباح اليوم معرض الكتاب بمشاركة أكثر من مئتي دار نشر.',
          link: 'https://wire.example/ar/news/1001',
          updatedAtSource: null,
          usedArticleId: null,
          status: 'usable',
        },
      ]);

      // A failure is said, and the exit status says it to cron.
      failing = true;
      expect(await midad(['wire', 'poll', ...flags])).toEqual({
        code: 1,
        stdout: ['midad-ar: failed: fetch failed: 500'],
        stderr: '',
      });
      const failingList = await midad(['wire', 'list', ...flags]);
      expect(failingList.stdout).toEqual([
        `midad-ar\tوكالة المداد\t${base}/ar/rss\tevery 10 min\ton\tfailing (1): fetch failed: 500`,
      ]);

      expect(await midad(['wire', 'remove', ...flags, 'midad-ar'])).toEqual({
        code: 0,
        stdout: ['removed wire source midad-ar'],
        stderr: '',
      });
      expect(await midad(['wire', 'list', ...flags, '--json'])).toEqual({
        code: 0,
        stdout: [],
        stderr: '',
      });
      expect(await midad(['wire', 'queue', '--json', ...flags])).toEqual({
        code: 0,
        stdout: [],
        stderr: '',
      });
    },
  );

  // Each step starts a `midad` process (about a second each; several on a loaded machine).
  it('polls a drop folder and says which file it refused', { timeout: 120_000 }, async () => {
    const folder = testFolder('cli-wire-drop');
    for (const name of ['nitf-story.xml', 'newsml-g2-package.xml']) {
      copyFileSync(join(FIXTURES, name), join(folder, name));
    }
    const old = new Date(Date.now() - 60_000); // long settled
    for (const name of ['nitf-story.xml', 'newsml-g2-package.xml'])
      utimesSync(join(folder, name), old, old);
    expect(
      (
        await midad([
          'wire',
          'add',
          ...flags,
          '--name',
          'drop',
          '--agency',
          'وكالة المداد',
          '--folder',
          folder,
        ])
      ).code,
    ).toBe(0);
    expect(await midad(['wire', 'poll', ...flags])).toEqual({
      code: 0,
      stdout: [
        'drop: 1 new, 0 updated, 0 duplicates',
        '  refused newsml-g2-package.xml: The NewsML-G2 packageItem is a package, not an article.',
      ],
      stderr: '',
    });
  });

  // Each step starts a `midad` process (about a second each; several on a loaded machine).
  it('polls in midad serve, and stops with it', { timeout: 120_000 }, async () => {
    const folder = testFolder('serve-wire-drop');
    copyFileSync(join(FIXTURES, 'nitf-story.xml'), join(folder, 'nitf-story.xml'));
    const old = new Date(Date.now() - 60_000);
    utimesSync(join(folder, 'nitf-story.xml'), old, old);
    const add = ['wire', 'add', ...flags, '--name', 'drop', '--agency', 'وكالة المداد'];
    expect((await midad([...add, '--folder', folder])).code).toBe(0);

    const serve = await startServe(flags, {
      MIDAD_DEMO: 'false',
      MIDAD_MEDIA_DIR: join(testFolder('serve-wire-media'), 'media'),
    });
    try {
      await expect
        .poll(async () => (await midad(['wire', 'queue', ...flags])).stdout, { timeout: 20_000 })
        .toEqual(['2026-12-04T10:30:00.000Z\tdrop\tفوز المنتخب في مباراته الأولى']);
    } finally {
      expect(await stopServe(serve)).toBe(0);
    }
    expect(serve.output()).toContain('"msg":"wire polled"');
  });

  // Each step starts a `midad` process (about a second each; several on a loaded machine).
  it('says plainly what is wrong with a command', { timeout: 120_000 }, async () => {
    const neither = await midad(['wire', 'add', ...flags, '--name', 'x', '--agency', 'y']);
    expect(neither.code).toBe(1);
    // The reason first, then the command's help (as every command says a usage error).
    expect(neither.stderr.split('\n')[0]).toBe(
      'error: give the feed with --url URL or the drop folder with --folder DIR',
    );
    expect(neither.stderr).toContain('Usage: midad wire add [options]');

    const both = await midad([
      'wire',
      'add',
      ...flags,
      '--name',
      'x',
      '--agency',
      'y',
      '--url',
      base,
      '--folder',
      '/tmp',
    ]);
    expect(both.code).toBe(1);
    expect(both.stderr).toMatch(
      /^error: option '--url <url>' cannot be used with option '--folder <dir>'\n/,
    );

    const every = await midad([
      'wire',
      'add',
      ...flags,
      '--name',
      'x',
      '--agency',
      'y',
      '--url',
      base,
      '--every',
      '0',
    ]);
    expect(every.code).toBe(1);
    expect(every.stderr).toMatch(
      /^error: option '--every <minutes>' argument '0' is invalid\. --every must be a whole number from 1 to 1440\.\n/,
    );

    const loopback = await midad([
      'wire',
      'add',
      ...flags,
      '--name',
      'x',
      '--agency',
      'y',
      '--url',
      base,
    ]);
    expect(loopback).toEqual({
      code: 1,
      stdout: [],
      stderr:
        'midad: 127.0.0.1 is a loopback or private address; add --allow-private to use it. (--url)\n',
    });

    const missing = await midad(['wire', 'remove', ...flags, 'nobody']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^midad: .*nobody.*\n$/);
  });
});
