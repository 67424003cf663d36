/**
 * The limits of body HTML (domain/body-html-limits.ts) on every path that
 * takes a body, on both engines: a body over them is refused with its code
 * and a message a person understands, and nothing is stored.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleId } from '../../src/domain/article-id.js';
import { importJsonl } from '../../src/importers/jsonl/import-jsonl.js';
import { AppError } from '../../src/lib/errors.js';
import { exportArchive } from '../../src/services/export-archive.js';
import { importArchive } from '../../src/services/import-archive.js';
import type { Database } from '../../src/storage/database.js';
import {
  countArticles,
  findArticleById,
} from '../../src/storage/repositories/articles.repository.js';
import { AdminClient } from '../helpers/admin-client.js';
import { describeEachDialect, openTestDatabase } from '../helpers/dialects.js';
import { BIG_ID, fillSite } from '../helpers/full-site.js';
import { createStaff } from '../helpers/newsroom.js';
import {
  emptyDatabase,
  importInto,
  NOW,
  seedBytes,
  testSite,
  type TestSite,
} from '../helpers/site.js';
import { testFolder } from '../helpers/temp-folder.js';

/** 33 elements deep: one more than the limit. */
const TOO_DEEP = '<ul><li>'.repeat(16) + '<b>نص</b>';
const DEEP_AR =
  'عناصر نص المقال متداخلة أكثر من المسموح: 32 عنصراً بعضها داخل بعض على الأكثر (قوائم داخل قوائم مثلاً).';
const LARGE_EN = 'The article body is too long: at most 200000 characters of HTML.';

/** The error `promise` rejects with, as code and user message. */
async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError))
    throw new Error(`not refused with an AppError: ${String(error)}`);
  return { code: error.code, message: error.message };
}

describeEachDialect((dialect) => {
  describe('in the newsroom', () => {
    let site: TestSite;
    let writer: AdminClient;
    let id: string;
    beforeEach(async () => {
      site = await testSite({}, { dialect });
      await createStaff(site.database, () => NOW);
      writer = new AdminClient(site.app);
      await writer.post('/admin/login', {
        email: 'author@news.example',
        password: 'author password 1',
      });
      const created = await writer.post('/admin/articles', {
        headline: 'عنوان أول',
        body_html: '<p>نص أول</p>',
      });
      id = /\/admin\/articles\/(\d+)\/edit/.exec(String(created.headers.location))?.[1] ?? '';
      await writer.get(`/admin/articles/${id}/edit`);
    });
    afterEach(async () => {
      await site.close();
    });

    const stored = async () => {
      const rows = await site.database.db
        .selectFrom('article_revisions')
        .select(['kind', 'body_html'])
        .where('article_id', '=', id as ArticleId)
        .execute();
      const article = await site.database.db
        .selectFrom('articles')
        .select('body_html')
        .where('id', '=', id as ArticleId)
        .executeTakeFirstOrThrow();
      return { body: article.body_html, revisions: rows.map((r) => r.kind) };
    };

    it('refuses a save of a body too deep, shows why in Arabic and keeps what was typed', async () => {
      const before = await stored();
      const res = await writer.post(`/admin/articles/${id}`, {
        headline: 'عنوان أول',
        body_html: TOO_DEEP,
      });
      expect(res.statusCode).toBe(422);
      expect(res.body).toContain(DEEP_AR);
      // What was typed is back in its textarea.
      expect(res.body).toContain(`>${'&lt;ul>&lt;li>'.repeat(16)}&lt;b>نص&lt;/b></textarea>`);
      expect(await stored()).toEqual(before);
      expect(before).toEqual({ body: '<p>نص أول</p>', revisions: ['save'] });
    });

    it('refuses an autosave of a body too long with a JSON error and stores no autosave', async () => {
      const res = await writer.postJson(`/admin/articles/${id}/autosave`, {
        headline: 'عنوان',
        body_html: `<p>${'ا'.repeat(200_000)}</p>`,
      });
      expect(res.statusCode).toBe(422);
      expect(res.json()).toEqual({
        error: {
          code: 'BODY_HTML_TOO_LARGE',
          message:
            'النص أطول من المسموح: 200 ألف حرف من HTML على الأكثر (نحو 30 ألف كلمة). قسّمه على أكثر من مقال أو تحديث.',
        },
      });
      expect(await stored()).toEqual({ body: '<p>نص أول</p>', revisions: ['save'] });
    });
  });

  describe('a new article and a body that sanitising lengthens', () => {
    let site: TestSite;
    let writer: AdminClient;
    beforeEach(async () => {
      site = await testSite({}, { dialect, demo: false });
      await createStaff(site.database, () => NOW);
      writer = new AdminClient(site.app);
      await writer.post('/admin/login', {
        email: 'author@news.example',
        password: 'author password 1',
      });
      await writer.get('/admin/articles/new');
    });
    afterEach(async () => {
      await site.close();
    });
    const rows = async () =>
      (await site.database.db.selectFrom('articles').select('id').execute()).length;
    const autosaveNew = (body: Record<string, string>) =>
      writer.postJson('/admin/articles/autosave', body);

    it('stores nothing for a refused first save, from the form or an autosave', async () => {
      const form = await writer.post('/admin/articles', { headline: 'عنوان', body_html: TOO_DEEP });
      expect(form.statusCode).toBe(422);
      expect(form.body).toContain(DEEP_AR);
      expect(form.body).toContain('action="/admin/articles"');
      const tooLong = await writer.post('/admin/articles', {
        headline: 'ع'.repeat(301),
        body_html: '<p>نص</p>',
      });
      expect(tooLong.statusCode).toBe(422);
      expect((await autosaveNew({ headline: 'عنوان', body_html: TOO_DEEP })).statusCode).toBe(422);
      expect(await rows()).toBe(0);
      expect((await autosaveNew({ headline: 'عنوان', body_html: '<p>نص</p>' })).statusCode).toBe(
        200,
      );
      expect(await rows()).toBe(1);
    });

    it('refuses a body whose sanitised HTML would be over the limit, so that a stored body can always be saved again', async () => {
      // 198,007 characters typed; `<br>` is stored as `<br />`: 264,007.
      const body = `<p>${'نص<br>'.repeat(33_000)}</p>`;
      const res = await writer.post('/admin/articles', { headline: 'عنوان', body_html: body });
      expect(res.statusCode).toBe(422);
      expect(res.body).toContain(
        'النص أطول من المسموح: 200 ألف حرف من HTML على الأكثر (نحو 30 ألف كلمة). قسّمه على أكثر من مقال أو تحديث.',
      );
      expect(await rows()).toBe(0);
    });
  });

  describe('in the importers', () => {
    let database: Database;
    beforeEach(async () => {
      database = await emptyDatabase(dialect);
    });
    afterEach(async () => {
      await database.close();
    });

    it('skips a JSON Lines article whose body is too long, and imports the others', async () => {
      const path = join(testFolder('jsonl'), 'articles.jsonl');
      const line = (id: string, body: string) => JSON.stringify({ id, title: 'عنوان', body });
      writeFileSync(
        path,
        [line('1000000001', 'سطر أول.'), line('1000000002', 'ا'.repeat(200_000))].join('\n'),
      );

      const summary = await importJsonl({ database, now: () => NOW }, path, {
        timeZone: 'Asia/Damascus',
      });

      expect(summary.created).toBe(1);
      expect(summary.skipped).toEqual([{ line: 2, reason: LARGE_EN }]);
      expect(await findArticleById(database.db, '1000000002' as ArticleId)).toBeNull();
      expect(await countArticles(database.db)).toBe(1);
    });

    it('refuses a page capture whose body is too long, storing nothing', async () => {
      const seed = seedBytes().toString('utf8');
      const paragraph = 'أعلنت تركيا عن توافق الولايات المتحدة معها';
      const long = seed.replace(paragraph, `${paragraph} `.repeat(5_000));

      expect(await refusal(importInto(database, Buffer.from(long)))).toEqual({
        code: 'BODY_HTML_TOO_LARGE',
        message: LARGE_EN,
      });
      expect(await countArticles(database.db)).toBe(0);
    });

    it('refuses an archive holding a body too deep, naming its line, and writes nothing', async () => {
      const scratch = mkdtempSync(join(tmpdir(), 'midad-archive-limits-'));
      const source = await openTestDatabase('sqlite');
      try {
        await fillSite(source, join(scratch, 'media-a'));
        // Written under the service, as a forged or old archive could hold it.
        await source.db
          .updateTable('articles')
          .set({ body_html: TOO_DEEP })
          .where('id', '=', BIG_ID as ArticleId)
          .execute();
        await exportArchive(
          { database: source, mediaDir: join(scratch, 'media-a'), now: () => NOW },
          join(scratch, 'site.tar.gz'),
          {},
        );
        const line =
          (await source.db.selectFrom('articles').select('id').orderBy('id').execute()).findIndex(
            (r) => String(r.id) === BIG_ID,
          ) + 1;

        const refused = await refusal(
          importArchive(
            { database, mediaDir: join(scratch, 'media-b') },
            join(scratch, 'site.tar.gz'),
          ),
        );

        expect(refused).toEqual({
          code: 'BODY_HTML_TOO_DEEP',
          message: `articles.jsonl line ${line}: The article body is nested too deeply: at most 32 elements inside one another.`,
        });
        expect(await countArticles(database.db)).toBe(0);
      } finally {
        await source.close();
        await rm(scratch, { recursive: true, force: true });
      }
    });
  });
});
