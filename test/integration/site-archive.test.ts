import { mkdir, mkdtemp, readFile, readdir, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { create as createTar, extract as extractTar } from 'tar';
import { exportArchive, hashFile } from '../../src/services/export-archive.js';
import { importArchive, NO_PASSWORD_HASH } from '../../src/services/import-archive.js';
import { searchArticles } from '../../src/services/search-articles.js';
import type { Database } from '../../src/storage/database.js';
import { ARCHIVE_TABLES, countArchiveRows } from '../../src/storage/archive-tables.js';
import { BIG_ID, dump, filesOf, fillSite } from '../helpers/full-site.js';
import { DIALECTS, describeEachDialect, openTestDatabase } from '../helpers/dialects.js';

const NOW = () => new Date('2026-12-01T08:00:00Z');

let scratch: string;
const opened: Database[] = [];
async function open(dialect: 'sqlite' | 'postgres'): Promise<Database> {
  const database = await openTestDatabase(dialect);
  opened.push(database);
  return database;
}

beforeEach(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'midad-archive-'));
});
afterEach(async () => {
  for (const database of opened.splice(0)) await database.close();
  await rm(scratch, { recursive: true, force: true });
});

const postgres = DIALECTS.find((d) => d.dialect === 'postgres')!;

describe.skipIf(!postgres.available)('moving a site between SQLite and PostgreSQL', () => {
  it('keeps every row and file: SQLite → archive → PostgreSQL → archive → SQLite', async () => {
    const source = await open('sqlite');
    await fillSite(source, join(scratch, 'media-a'));
    const original = await dump(source);
    const options = { withPasswordHashes: true, withWebhookSecrets: true, withSubscribers: true };

    await exportArchive(
      { database: source, mediaDir: join(scratch, 'media-a'), now: NOW },
      join(scratch, 'a.tar.gz'),
      options,
    );
    const middle = await open('postgres');
    const first = await importArchive(
      { database: middle, mediaDir: join(scratch, 'media-b') },
      join(scratch, 'a.tar.gz'),
    );
    expect(first.manifest.sourceDialect).toBe('sqlite');
    expect(await dump(middle)).toEqual(original);

    await exportArchive(
      { database: middle, mediaDir: join(scratch, 'media-b'), now: NOW },
      join(scratch, 'b.tar.gz'),
      options,
    );
    const last = await open('sqlite');
    await importArchive(
      { database: last, mediaDir: join(scratch, 'media-c') },
      join(scratch, 'b.tar.gz'),
    );
    const final = await dump(last);

    expect(final).toEqual(original);
    for (const table of ARCHIVE_TABLES) expect(original[table.name]!.length).toBeGreaterThan(0);
    expect(original.articles!.find((a) => a.id === BIG_ID)).toMatchObject({ view_count: '12' });
    expect(original.articles!.find((a) => a.id === '258871304963183')).toMatchObject({
      view_count: '236',
    });
    expect(await filesOf(join(scratch, 'media-c'))).toEqual(
      await filesOf(join(scratch, 'media-a')),
    );
    expect(Object.keys(await filesOf(join(scratch, 'media-a'))).length).toBeGreaterThan(1);
  });
});

describeEachDialect((dialect) => {
  let source: Database;
  let archive: string;

  beforeEach(async () => {
    source = await open(dialect);
    await fillSite(source, join(scratch, 'media'));
    archive = join(scratch, 'site.tar.gz');
  });

  async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
    try {
      await promise;
    } catch (error) {
      return (error as { code?: string }).code;
    }
    return undefined;
  }

  it('rebuilds the search index and moves id sequences past the imported ids', async () => {
    await exportArchive({ database: source, mediaDir: join(scratch, 'media'), now: NOW }, archive);
    const target = await open(dialect);
    await importArchive({ database: target, mediaDir: join(scratch, 'media-2') }, archive);
    const found = await searchArticles(
      { database: target },
      { q: 'الاسد', filters: {}, sort: 'relevance', page: 1, limit: 10 },
    );
    expect(found.results.map((r) => r.id)).toContain(BIG_ID);
    const next = await target.db
      .insertInto('tags')
      .values({ slug: 'جديد', name: 'جديد' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const ids = (await dump(source)).tags!.map((t) => BigInt(t.id as string));
    expect(BigInt(next.id)).toBeGreaterThan(ids.reduce((a, b) => (a > b ? a : b)));
  });

  it('carries live coverage, its update numbers and public notes, but not views by the minute', async () => {
    await exportArchive({ database: source, mediaDir: join(scratch, 'media'), now: NOW }, archive);
    const target = await open(dialect);
    const summary = await importArchive(
      { database: target, mediaDir: join(scratch, 'media-2') },
      archive,
    );
    expect([summary.rows['live_updates'], summary.rows['article_notes']]).toEqual([1, 1]);
    expect(summary.rows['article_view_minutes']).toBeUndefined();
    const copied = await dump(target);
    expect(copied.live_updates!.map((u) => [u.number, u.headline, u.is_key, u.pinned])).toEqual([
      [2, 'وصول فرق الإنقاذ', 1, 1],
    ]);
    expect(copied.article_notes!.map((n) => [n.kind, n.text])).toEqual([
      ['correction', 'ورد في نسخة سابقة أن الإعلان في 13 مارس.'],
    ]);
    const live = copied.articles!.find((a) => a.live_state !== null)!;
    expect([live.live_state, live.live_next_number]).toEqual(['ended', 3]);
    expect(live.modified_at).toBe(copied.article_notes![0]!.created_at);
    expect(await source.db.selectFrom('article_view_minutes').selectAll().execute()).toHaveLength(
      1,
    );
    expect(await target.db.selectFrom('article_view_minutes').selectAll().execute()).toEqual([]);
  });

  it('leaves password hashes and webhook secrets out unless asked', async () => {
    await exportArchive({ database: source, mediaDir: join(scratch, 'media'), now: NOW }, archive);
    const text = gunzipSync(await readFile(archive)).toString('utf8');
    expect(text).not.toContain('$argon2id$');
    expect(text).not.toContain('whsec_');
    const target = await open(dialect);
    const summary = await importArchive(
      { database: target, mediaDir: join(scratch, 'media-2') },
      archive,
    );
    expect(summary.usersWithoutPassword).toBe(4);
    expect(summary.webhooksWithNewSecret).toBe(1);
    const users = await target.db.selectFrom('users').select('password_hash').execute();
    expect(new Set(users.map((u) => u.password_hash))).toEqual(new Set([NO_PASSWORD_HASH]));
  });

  it('carries editions and push alerts always, subscribers only when asked, the outbox never', async () => {
    await exportArchive({ database: source, mediaDir: join(scratch, 'media'), now: NOW }, archive);
    const text = gunzipSync(await readFile(archive)).toString('utf8');
    expect(text).not.toContain('reader@example.org');
    expect(text).not.toContain('https://push.example/abc');
    expect(text).toContain('نشرة الصباح');
    const target = await open(dialect);
    const summary = await importArchive(
      { database: target, mediaDir: join(scratch, 'media-2') },
      archive,
    );
    expect(summary.rows.newsletter_editions).toBe(1);
    expect(summary.rows.push_alerts).toBe(1);
    expect(summary.rows.newsletter_subscribers).toBeUndefined();
    const count = async (
      db: Database,
      table:
        | 'newsletter_subscribers'
        | 'push_subscriptions'
        | 'push_subscription_sections'
        | 'outbox_messages',
    ) =>
      Number(
        (
          await db.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count(target, 'newsletter_subscribers')).toBe(0);
    expect(await count(target, 'push_subscriptions')).toBe(0);
    expect(await count(target, 'outbox_messages')).toBe(0);

    const full = join(scratch, 'with-subscribers.tar.gz');
    await exportArchive({ database: source, mediaDir: join(scratch, 'media'), now: NOW }, full, {
      withSubscribers: true,
    });
    const again = await open(dialect);
    await importArchive({ database: again, mediaDir: join(scratch, 'media-3') }, full);
    const before = await dump(source);
    const after = await dump(again);
    for (const table of [
      'newsletter_subscribers',
      'push_subscriptions',
      'push_subscription_sections',
      'newsletter_editions',
      'push_alerts',
    ]) {
      expect(after[table]).toEqual(before[table]);
    }
    expect(after.newsletter_subscribers![0]).toMatchObject({
      email: 'reader@example.org',
      status: 'unsubscribed',
    });
    expect(await count(again, 'outbox_messages')).toBe(0);
  });

  it('refuses a database that has content, unless asked to replace it', async () => {
    await exportArchive({ database: source, mediaDir: join(scratch, 'media'), now: NOW }, archive);
    const before = await dump(source);
    await expect(
      importArchive({ database: source, mediaDir: join(scratch, 'media') }, archive),
    ).rejects.toMatchObject({
      code: 'ARCHIVE_TARGET_NOT_EMPTY',
      message: expect.stringContaining('--replace'),
    });
    await importArchive({ database: source, mediaDir: join(scratch, 'media') }, archive, {
      replace: true,
    });
    const after = await dump(source);
    expect(after.users!.map((u) => u.email)).toEqual(before.users!.map((u) => u.email));
    expect(after.articles).toEqual(before.articles);
  });

  it('refuses a truncated archive with the reason and writes nothing', async () => {
    await exportArchive({ database: source, mediaDir: join(scratch, 'media'), now: NOW }, archive);
    await truncate(archive, Math.floor((await stat(archive)).size / 2));
    const target = await open(dialect);
    const error = await importArchive(
      { database: target, mediaDir: join(scratch, 'media-2') },
      archive,
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ARCHIVE_UNREADABLE' });
    expect((error as Error).message).toMatch(/truncated or damaged/);
    expect(Object.values(await countArchiveRows(target.db)).every((n) => n === 0)).toBe(true);
    expect(await readdir(join(scratch, 'media-2'))).toEqual([]);
  });

  it('refuses an archive with a changed byte and writes nothing', async () => {
    await exportArchive({ database: source, mediaDir: join(scratch, 'media'), now: NOW }, archive);
    // Uncompressed, so the change reaches a table file instead of breaking the gzip checksum.
    const tar = gunzipSync(await readFile(archive));
    const at = tar.indexOf('\u0627\u0644\u0623\u0633\u062f'); // الأسد, in articles.jsonl
    expect(at).toBeGreaterThan(0);
    tar[at + 1] = tar[at + 1]! ^ 1;
    const plain = join(scratch, 'site.tar');
    await writeFile(plain, tar);
    const target = await open(dialect);
    const error = await importArchive(
      { database: target, mediaDir: join(scratch, 'media-2') },
      plain,
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ARCHIVE_INVALID' });
    expect((error as Error).message).toMatch(/articles\.jsonl does not match its checksum/);
    expect(Object.values(await countArchiveRows(target.db)).every((n) => n === 0)).toBe(true);
    expect(await readdir(join(scratch, 'media-2'))).toEqual([]);
  });

  it('refuses an archive that would write outside its tables and image folders', async () => {
    await exportArchive({ database: source, mediaDir: join(scratch, 'media'), now: NOW }, archive);
    const unpacked = join(scratch, 'unpacked');
    await mkdir(unpacked);
    extractTar({ file: archive, cwd: unpacked, sync: true });
    await writeFile(join(unpacked, 'media', '.bashrc'), 'evil');
    const manifest = JSON.parse(await readFile(join(unpacked, 'manifest.json'), 'utf8')) as {
      files: Record<string, unknown>;
    };
    manifest.files['media/.bashrc'] = await hashFile(join(unpacked, 'media', '.bashrc'));
    await writeFile(join(unpacked, 'manifest.json'), JSON.stringify(manifest));
    const crafted = join(scratch, 'crafted.tar.gz');
    createTar({ file: crafted, cwd: unpacked, gzip: true, sync: true }, await readdir(unpacked));
    const target = await open(dialect);

    const error = await importArchive(
      { database: target, mediaDir: join(scratch, 'media-2') },
      crafted,
    ).catch((e: unknown) => e);

    expect(error).toMatchObject({ code: 'ARCHIVE_INVALID' });
    expect((error as Error).message).toBe(
      'The archive lists a file it may not hold: media/.bashrc.',
    );
    expect(await readdir(join(scratch, 'media-2'))).toEqual([]);
  });

  /** The exported archive with the first row of `articles.jsonl` changed by `edit`, its checksum redone. */
  async function craftedArchive(edit: (row: Record<string, unknown>) => void): Promise<string> {
    await exportArchive({ database: source, mediaDir: join(scratch, 'media'), now: NOW }, archive);
    const unpacked = join(scratch, 'unpacked');
    await mkdir(unpacked);
    extractTar({ file: archive, cwd: unpacked, sync: true });
    const file = join(unpacked, 'articles.jsonl');
    const [first = '', ...rest] = (await readFile(file, 'utf8')).split('\n');
    const row = JSON.parse(first) as Record<string, unknown>;
    edit(row);
    await writeFile(file, [JSON.stringify(row), ...rest].join('\n'));
    const manifest = JSON.parse(await readFile(join(unpacked, 'manifest.json'), 'utf8')) as {
      files: Record<string, unknown>;
    };
    manifest.files['articles.jsonl'] = await hashFile(file);
    await writeFile(join(unpacked, 'manifest.json'), JSON.stringify(manifest));
    const crafted = join(scratch, 'crafted.tar.gz');
    createTar({ file: crafted, cwd: unpacked, gzip: true, sync: true }, await readdir(unpacked));
    return crafted;
  }

  it('refuses an archive whose headline is over the editor limit, naming line, field and limit', async () => {
    const crafted = await craftedArchive((row) => {
      row.headline = 'خ'.repeat(301);
    });
    const target = await open(dialect);
    const error = await importArchive(
      { database: target, mediaDir: join(scratch, 'media-2') },
      crafted,
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ARCHIVE_INVALID' });
    expect((error as Error).message).toBe(
      'The archive is damaged: articles.jsonl line 1: "headline" is too long (headline: 301 characters, at most 300).',
    );
    expect(Object.values(await countArchiveRows(target.db)).every((n) => n === 0)).toBe(true);
  });

  it('imports text without the characters XML 1.0 forbids', async () => {
    let id = '';
    const crafted = await craftedArchive((row) => {
      id = String(row.id);
      row.headline = 'عاجل\u0001: خبر\uFFFE';
      row.excerpt = 'موجز\u000C';
    });
    const target = await open(dialect);
    await importArchive({ database: target, mediaDir: join(scratch, 'media-2') }, crafted);
    const row = await target.db
      .selectFrom('articles')
      .select(['headline', 'excerpt'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ headline: 'عاجل: خبر', excerpt: 'موجز' });
  });

  it('refuses to overwrite an existing file', async () => {
    await writeFile(archive, 'mine');
    expect(
      await codeOf(
        exportArchive({ database: source, mediaDir: join(scratch, 'media'), now: NOW }, archive),
      ),
    ).toBe('ARCHIVE_EXISTS');
    expect(await readFile(archive, 'utf8')).toBe('mine');
  });
});
