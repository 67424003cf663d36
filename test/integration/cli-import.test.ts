import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli/main.js';
import { DEMO_CAPTURE } from '../../src/importers/demo-content.js';
import { openDatabase, type Database } from '../../src/storage/database.js';
import { findArticleById } from '../../src/storage/repositories/articles.repository.js';
import type { ArticleId } from '../../src/domain/article-id.js';
import { DIALECTS, openTestDatabase } from '../helpers/dialects.js';
import { SEED_ID, SEED_SLUG } from '../helpers/site.js';
import { sql } from 'kysely';
import { searchArticles } from '../../src/services/search-articles.js';
import { testFolder } from '../helpers/temp-folder.js';

/** The old addresses of block-editor-wxr-1.2.xml's items that are redirected (distinct keys). */
const REDIRECTS_OF_BLOCK_EDITOR_WXR = 58;

let dir: string;
let out: string[];
let err: string[];
beforeEach(() => {
  dir = testFolder('cli');
  out = [];
  err = [];
  vi.spyOn(console, 'log').mockImplementation((line: string) => void out.push(line));
  vi.spyOn(console, 'error').mockImplementation((line: string) => void err.push(line));
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('midad import', () => {
  it('prints one line per file, imports the good ones and exits 1 when one is refused', async () => {
    const db = join(dir, 'site.db');
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');

    const status = await run(['import', '--db', db, DEMO_CAPTURE, empty]);

    expect(status).toBe(1);
    expect(out[0]).toMatch(new RegExp(`^${DEMO_CAPTURE}: created ${SEED_ID} «`));
    expect(err).toEqual([
      `${DEMO_CAPTURE}: warning: The capture shows a publish time, 11:43, but no date, so the date is left empty: give it with --date YYYY-MM-DD.`,
      `${empty}: refused: The file is empty.`,
    ]);
    expect(out[1]).toBe('Articles: 1 created, 0 updated. Not imported: 1 file refused.');
  });

  it('prints each warning as one sentence on a line of its own, and counts articles, not files', async () => {
    const db = join(dir, 'site.db');
    expect(await run(['import', '--db', db, '--date', '2020-01-18', DEMO_CAPTURE])).toBe(0);
    expect(out).toEqual([
      expect.stringMatching(new RegExp(`^${DEMO_CAPTURE}: created ${SEED_ID} «[^»]+»$`)),
      'Articles: 1 created, 0 updated.',
    ]);
    expect(err).toEqual([]);
    out.length = 0;

    const lines = join(dir, 'articles.jsonl');
    writeFileSync(
      lines,
      [
        JSON.stringify({ id: '901', title: 'خبر أول', body: 'نص الخبر الأول.' }),
        '{not json',
        JSON.stringify({ id: '902', body: 'خبر بلا عنوان.' }),
      ].join('\n'),
    );
    // Again without --date: the capture has no date, and the stored one is kept.
    expect(await run(['import', '--db', db, DEMO_CAPTURE, lines])).toBe(1);

    expect(out).toEqual([
      expect.stringMatching(new RegExp(`^${DEMO_CAPTURE}: updated ${SEED_ID} «[^»]+»$`)),
      `${lines}: 2 created, 0 updated, 1 line skipped`,
      'Articles: 2 created, 1 updated. Not imported: 1 line skipped.',
    ]);
    expect(err).toEqual([
      `${DEMO_CAPTURE}: warning: The capture shows a publish time, 11:43, but no date, so the date is left empty: give it with --date YYYY-MM-DD.`,
      `${DEMO_CAPTURE}: warning: This copy has no publish date, so the stored one was kept.`,
      `${lines}:2: skipped: not valid JSON`,
      `${lines}:3: warning: The line has no title, so the headline is the start of the body.`,
    ]);
  });

  it('tells a file by its content: a WordPress export or a PDF is refused by name, an HTML page is read as one, never as a capture', async () => {
    const db = join(dir, 'site.db');
    const wxr = join(dir, 'capture.txt');
    writeFileSync(
      wxr,
      '<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/">\n<channel><wp:wxr_version>1.2</wp:wxr_version>\n',
    );
    const page = join(dir, 'page.txt');
    writeFileSync(page, '<!doctype html><html lang="ar"><title>خبر</title>');
    const pdf = join(dir, 'article.txt');
    writeFileSync(pdf, '%PDF-1.7\n');

    expect(await run(['import', '--db', db, wxr, page, pdf, '/dev/zero'])).toBe(1);

    expect(err).toEqual([
      `${wxr}: refused: The WordPress export is not well-formed XML: line 4, column 0: unclosed tag: channel`,
      `${page}: refused: No article text was found in the page.`,
      `${pdf}: refused: this is a PDF document, not a page capture, an HTML article page, JSON Lines, or a WordPress or Ghost export; nothing was imported`,
      '/dev/zero: refused: not a regular file',
    ]);
    const database = await openDatabase({ file: db });
    try {
      const { count } = await database.db
        .selectFrom('articles')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .executeTakeFirstOrThrow();
      expect(Number(count)).toBe(0);
    } finally {
      await database.close();
    }
  });

  it('imports a WordPress export with its report, and writes the report as JSON', async () => {
    const db = join(dir, 'site.db');
    const report = join(dir, 'report.json');
    const wxr = 'test/fixtures/wordpress/block-editor-wxr-1.2.xml';

    const status = await run(['import', '--db', db, '--report', report, wxr]);

    expect(status).toBe(0);
    expect(out.slice(0, 3)).toEqual([
      `${wxr}: WordPress export`,
      '  articles: 2 published, 1 scheduled, 1 draft, 1 in review, 1 private (kept unpublished); static pages: 1',
      '  7 created, 0 updated, 0 kept (edited in the newsroom since), 0 refused',
    ]);
    const written = JSON.parse(readFileSync(report, 'utf8')) as Array<{
      file: string;
      ok: boolean;
      report: { created: number; comments: number; skipped: Record<string, number> };
    }>;
    expect(written.map((w) => [w.file, w.ok, w.report.created, w.report.comments])).toEqual([
      [wxr, true, 7, 3],
    ]);
    expect(written[0]!.report.skipped).toMatchObject({ attachment: 2, revision: 1 });

    // Again: nothing new, every article updated in place.
    out.length = 0;
    expect(await run(['import', '--db', db, wxr])).toBe(0);
    expect(out[2]).toBe('  0 created, 7 updated, 0 kept (edited in the newsroom since), 0 refused');
  });

  it('writes nothing in a dry run', async () => {
    const db = join(dir, 'site.db');
    const wxr = 'test/fixtures/wordpress/block-editor-wxr-1.2.xml';
    (await openDatabase({ file: db })).close();

    expect(await run(['import', '--db', db, '--dry-run', wxr])).toBe(0);

    expect(out[0]).toBe(`${wxr}: WordPress export (dry run: nothing was written)`);
    expect(out[2]).toBe('  7 created, 0 updated, 0 kept (edited in the newsroom since), 0 refused');
    const database = await openDatabase({ file: db });
    try {
      expect(await database.db.selectFrom('articles').selectAll().execute()).toEqual([]);
      expect(await database.db.selectFrom('users').selectAll().execute()).toEqual([]);
    } finally {
      await database.close();
    }
  });

  it('creates no database file or folder in a dry run, and says it imports into an empty site', async () => {
    const db = join(dir, 'new', 'site.db');
    const wxr = 'test/fixtures/wordpress/block-editor-wxr-1.2.xml';

    expect(await run(['import', '--db', db, '--dry-run', wxr])).toBe(0);

    expect(out.slice(0, 2)).toEqual([
      `There is no database at ${db}: the dry run imports into an empty site in memory, and creates nothing.`,
      `${wxr}: WordPress export (dry run: nothing was written)`,
    ]);
    expect(out[3]).toBe('  7 created, 0 updated, 0 kept (edited in the newsroom since), 0 refused');
    expect([existsSync(db), existsSync(join(dir, 'new'))]).toEqual([false, false]);
  });

  it('takes the old Ghost site’s address, folder and all, which a Ghost export does not hold', async () => {
    const db = join(dir, 'site.db');
    const ghost = 'test/fixtures/ghost/ghost-5-lexical.json';
    expect(
      await run(['import', '--db', db, '--site-url', 'https://old.example/blog/', ghost]),
    ).toBe(0);
    const database = await openDatabase({ file: db });
    try {
      const rows = await database.db
        .selectFrom('redirects')
        .select('from_path')
        .where('from_path', 'in', ['/blog/rss/', '/rss/', '/blog/author/layla/'])
        .orderBy('from_path')
        .execute();
      expect(rows.map((r) => r.from_path)).toEqual(['/blog/author/layla/', '/blog/rss/']);
      const sources = await database.db
        .selectFrom('articles')
        .select('source_url')
        .where('source_url', 'like', 'https://old.example/blog/%')
        .execute();
      expect(sources.length).toBeGreaterThan(0);
    } finally {
      await database.close();
    }
  });

  it('reports in a dry run the redirects the import then stores, each once', async () => {
    const db = join(dir, 'site.db');
    const wxr = 'test/fixtures/wordpress/block-editor-wxr-1.2.xml';
    (await openDatabase({ file: db })).close();
    const redirectsLine = () => out.find((line) => line.startsWith('  images: '));

    expect(await run(['import', '--db', db, '--dry-run', wxr])).toBe(0);
    const dryRun = redirectsLine();
    out.length = 0;
    expect(await run(['import', '--db', db, wxr])).toBe(0);

    expect(redirectsLine()).toBe(dryRun);
    const database = await openDatabase({ file: db });
    try {
      const stored = await database.db.selectFrom('redirects').select('from_key').execute();
      expect(dryRun).toBe(`  images: 0 imported, 2 missing; redirects: ${stored.length}`);
      expect(stored.length).toBe(REDIRECTS_OF_BLOCK_EDITOR_WXR);
    } finally {
      await database.close();
    }
  });

  it('refuses a hostile or broken export whole, naming why, and an uploads folder that is not one', async () => {
    const db = join(dir, 'site.db');
    const files = ['malformed.xml', 'entity-bomb.xml', 'external-entity.xml'].map(
      (f) => `test/fixtures/wordpress/${f}`,
    );

    expect(await run(['import', '--db', db, ...files])).toBe(1);

    expect(err.map((line) => line.replace(/:.*?: refused: /, ': '))).toEqual([
      expect.stringMatching(/^test\/fixtures\/wordpress\/malformed\.xml: .*line \d+, column \d+/),
      expect.stringMatching(/^test\/fixtures\/wordpress\/entity-bomb\.xml: .*entit/i),
      expect.stringMatching(/^test\/fixtures\/wordpress\/external-entity\.xml: .*entit/i),
    ]);
    expect(await run(['import', '--db', db, '--uploads', join(dir, 'nowhere'), files[0]!])).toBe(1);
  });

  it('dates a time-only capture with --date and --tz and exits 0', async () => {
    const db = join(dir, 'site.db');

    const status = await run([
      'import',
      '--db',
      db,
      '--date',
      '2020-01-18',
      '--tz',
      'Europe/Istanbul',
      DEMO_CAPTURE,
    ]);

    expect(status).toBe(0);
    const database = await openDatabase({ file: db });
    const article = await findArticleById(database.db, SEED_ID as ArticleId);
    await database.close();
    expect(article?.publishedAt?.toISOString()).toBe('2020-01-18T08:43:00.000Z');
  });

  it.each([
    [['--date', '2020-02-30'], /"2020-02-30" is not a calendar date in the form YYYY-MM-DD/],
    [['--tz', 'Mars/Olympus'], /"Mars\/Olympus" is not an IANA time zone/],
    [['--site-url', 'ftp://old.example'], /not a site address \(it does not start with http/],
    [['--site-url', 'https://old.example/\u0000blog'], /spaces or control characters/],
    [['--site-url', 'https://old.example/\ud800'], /spaces or control characters/],
    [['--site-url', `https://old.example/${'a'.repeat(2000)}`], /longer than 2000 characters/],
    [['--site-url', 'https://old.example/?p=1'], /it has a query or a fragment/],
    [['--site-url', 'https://editor:secret@old.example'], /user name or password/],
    [['--site-url', 'javascript:alert(1)//https://x'], /does not start with http/],
  ])('refuses the bad option %j before touching the database', async (option, message) => {
    const writes: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      writes.push(String(chunk));
      return true;
    });
    const db = join(dir, 'x.db');
    const status = await run(['import', '--db', db, ...option, DEMO_CAPTURE]);
    expect(status).toBe(1);
    expect(writes.join('')).toMatch(message);
    expect(existsSync(db)).toBe(false);
  });
});

describe('midad reindex', () => {
  it('refuses a database file that does not exist, and makes none', async () => {
    const db = join(dir, 'typo.db');
    expect(await run(['reindex', '--db', db])).toBe(1);
    expect(err).toEqual([`midad: There is no database at ${db}: check --db or MIDAD_DB.`]);
    expect(existsSync(db)).toBe(false);
  });

  it('rebuilds an emptied search index so that search finds the articles again', async () => {
    const db = join(dir, 'site.db');
    expect(await run(['import', '--db', db, DEMO_CAPTURE])).toBe(0);
    const search = async () => {
      const database = await openDatabase({ file: db });
      try {
        const outcome = await searchArticles(
          { database },
          { q: 'الأسد', filters: {}, sort: 'relevance', page: 1, limit: 10 },
        );
        return outcome.results.map((r) => r.id);
      } finally {
        await database.close();
      }
    };
    const database = await openDatabase({ file: db });
    await sql`insert into article_search (article_search) values ('delete-all')`.execute(
      database.db,
    );
    await database.close();
    expect(await search()).toEqual([]);

    expect(await run(['reindex', '--db', db])).toBe(0);

    expect(out.at(-1)).toMatch(/^indexed 1 article in \d+\.\d s$/);
    expect(await search()).toEqual([SEED_ID]);
  });
});

describe('midad fill-slugs', () => {
  it("gives the articles imported without a slug their headline's, and says how many", async () => {
    const db = join(dir, 'site.db');
    expect(await run(['import', '--db', db, DEMO_CAPTURE])).toBe(0);
    const slugOf = async () => {
      const database = await openDatabase({ file: db });
      try {
        return (await findArticleById(database.db, SEED_ID as ArticleId))?.slug;
      } finally {
        await database.close();
      }
    };
    const database = await openDatabase({ file: db });
    await database.db.updateTable('articles').set({ slug: null }).execute();
    await database.close();
    expect(await slugOf()).toBeNull();

    expect(await run(['fill-slugs', '--db', db])).toBe(0);

    expect(out.at(-1)).toBe('gave 1 article a slug');
    expect(await slugOf()).toBe(SEED_SLUG);
    expect(await run(['fill-slugs', '--db', db])).toBe(0);
    expect(out.at(-1)).toBe('gave 0 articles a slug');
  });
});

const postgres = DIALECTS.find((d) => d.dialect === 'postgres');
describe.skipIf(!postgres?.available)('midad import --database (PostgreSQL)', () => {
  it('imports into the PostgreSQL database that the URL names', async () => {
    const database = await openTestDatabase('postgres');
    try {
      const status = await run(['import', '--database', database.url ?? '', DEMO_CAPTURE]);
      expect(status).toBe(0);
      expect(out[0]).toMatch(new RegExp(`^${DEMO_CAPTURE}: created ${SEED_ID} «`));
      const article = await findArticleById(database.db, SEED_ID as ArticleId);
      expect(article?.viewCount).toBe(236);
    } finally {
      await database.close();
    }
  });

  /** Rows the planner believes a table has: -1 until ANALYZE (or VACUUM) has read it. */
  async function plannedRows(database: Database, table: string): Promise<number> {
    const { rows } = await sql<{ n: number }>`
      select reltuples as n from pg_class where relname = ${table}`.execute(database.db);
    return Number(rows[0]?.n);
  }

  it('refreshes the planner statistics after an import and after a reindex, and keeps its indexes', async () => {
    const database = await openTestDatabase('postgres');
    try {
      expect(await plannedRows(database, 'articles')).toBe(-1);
      expect(await run(['import', '--database', database.url ?? '', DEMO_CAPTURE])).toBe(0);
      expect(await plannedRows(database, 'articles')).toBe(1);
      expect(await plannedRows(database, 'article_search')).toBe(1);

      await sql`delete from article_search`.execute(database.db);
      await sql`analyze article_search`.execute(database.db);
      expect(await plannedRows(database, 'article_search')).toBe(0);
      const indexes = () =>
        sql<{ definition: string }>`select indexdef as definition from pg_indexes
          where tablename in ('article_search', 'article_match') order by indexname`
          .execute(database.db)
          .then((r) => r.rows.map((row) => row.definition));
      const before = await indexes();
      expect(await run(['reindex', '--database', database.url ?? ''])).toBe(0);
      expect(await plannedRows(database, 'article_search')).toBe(1);
      // The GIN index, dropped for the load, is built again as it was.
      expect(before.some((d) => d.includes('USING gin (match)'))).toBe(true);
      expect(await indexes()).toEqual(before);
    } finally {
      await database.close();
    }
  });
});
