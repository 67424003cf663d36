import { mkdtemp, rm, stat, truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli/main.js';
import { loadConfig } from '../../src/config/load.js';
import { pgDumpCommand } from '../../src/services/backup.js';
import { ViewCounter } from '../../src/services/view-counter.js';
import { openDatabase, type Database } from '../../src/storage/database.js';
import { addViews } from '../../src/storage/repositories/article-views.repository.js';
import { buildApp } from '../../src/web/app.js';
import { BIG_ID, dump, filesOf, fillSite } from '../helpers/full-site.js';

let dir: string;
let out: string[];
let err: string[];
let site: Database;
let siteFile: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'midad-cli-archive-'));
  out = [];
  err = [];
  vi.spyOn(console, 'log').mockImplementation((line: string) => void out.push(line));
  vi.spyOn(console, 'error').mockImplementation((line: string) => void err.push(line));
  siteFile = join(dir, 'site.db');
  site = await openDatabase({ file: siteFile });
  await fillSite(site, join(dir, 'media'));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await site.close();
  await rm(dir, { recursive: true, force: true });
});

describe('midad backup on SQLite', () => {
  it('copies the live database; a site started on the copy shows the same content', async () => {
    const backup = join(dir, 'backup.db');

    const status = await run(['backup', '--db', siteFile, backup]);

    expect(status).toBe(0);
    expect(out.at(-1)).toMatch(
      /backup\.db: a copy of .*site\.db \(\d+ pages\); media folder not included/,
    );
    const restored = await openDatabase({ file: backup });
    const viewCounter = new ViewCounter({
      sink: (counts) => addViews(restored.db, counts, new Date()),
    });
    const app = await buildApp({
      config: loadConfig({ MIDAD_BASE_URL: 'https://news.example', MIDAD_DEMO: 'false' }),
      database: restored,
      viewCounter,
      now: () => new Date('2026-12-01T08:00:00Z'),
      logRequests: false,
    });
    try {
      expect(await dump(restored)).toEqual(await dump(site));
      const page = await app.inject({ url: `/a/${BIG_ID}` });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('خبر بمعرّف طويل');
    } finally {
      await app.close();
      await viewCounter.stop();
      await restored.close();
    }
  });

  it('refuses to overwrite an existing file', async () => {
    expect(await run(['backup', '--db', siteFile, siteFile])).toBe(1);
    expect(err.at(-1)).toMatch(/exists already/);
  });
});

describe('midad backup on PostgreSQL', () => {
  it('prints the pg_dump command without the password', async () => {
    const status = await run([
      'backup',
      '--database',
      'postgres://midad:s3cret@db.internal:5432/midad',
      '--print-only',
      'midad.dump',
    ]);

    expect(status).toBe(0);
    expect(out).toEqual([
      'PGPASSWORD=… pg_dump --format=custom --no-owner --file midad.dump --dbname postgres://midad@db.internal:5432/midad',
    ]);
    expect(pgDumpCommand('postgres://midad:s3cret@db.internal/midad', 'x.dump').env).toEqual({
      PGPASSWORD: 's3cret',
    });
  });
});

describe('midad export and import-archive', () => {
  it('moves a site from one SQLite file to another with its images', async () => {
    const archive = join(dir, 'site.tar.gz');
    const copy = join(dir, 'copy.db');

    expect(
      await run([
        'export',
        '--db',
        siteFile,
        '--media-dir',
        join(dir, 'media'),
        '--with-password-hashes',
        '--with-subscribers',
        archive,
      ]),
    ).toBe(0);
    expect(out.at(-1)).toMatch(
      /site\.tar\.gz: \d+ rows in 27 tables, \d+ media files, \d+ KB \(without webhook secrets\)/,
    );
    expect(
      await run(['import-archive', '--db', copy, '--media-dir', join(dir, 'media-2'), archive]),
    ).toBe(0);
    expect(out.join('\n')).toMatch(/imported \d+ rows and \d+ media files \(exported from sqlite/);
    expect(out.at(-1)).toMatch(/1 webhooks got a new signing secret/);

    const moved = await openDatabase({ file: copy });
    try {
      const [before, after] = [await dump(site), await dump(moved)];
      expect(after.webhooks![0]!.secret).not.toBe(before.webhooks![0]!.secret);
      expect({ ...after, webhooks: [] }).toEqual({ ...before, webhooks: [] });
    } finally {
      await moved.close();
    }
    expect(await filesOf(join(dir, 'media-2'))).toEqual(await filesOf(join(dir, 'media')));
  });

  it('refuses a truncated archive with the reason and exit status 1', async () => {
    const archive = join(dir, 'site.tar.gz');
    expect(
      await run(['export', '--db', siteFile, '--media-dir', join(dir, 'media'), archive]),
    ).toBe(0);
    await truncate(archive, (await stat(archive)).size - 100);

    const status = await run([
      'import-archive',
      '--db',
      join(dir, 'copy.db'),
      '--media-dir',
      join(dir, 'm'),
      archive,
    ]);

    expect(status).toBe(1);
    expect(err.at(-1)).toMatch(/^midad: The archive cannot be read \(truncated or damaged\?\)/);
  });
});
