/**
 * The corrections page `/corrections` (issue 19): the latest corrections
 * newest first, 20 a page, and purged when a correction is added to an
 * article it does not list yet.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ArticleId } from '../../src/domain/article-id.js';
import { createDraft, saveArticle } from '../../src/services/edit-article.js';
import { moveArticle } from '../../src/services/move-article.js';
import type { DialectName } from '../../src/storage/database.js';
import { describeEachDialect } from '../helpers/dialects.js';
import { insertNote, plusMinutes } from '../helpers/live-rows.js';
import { content, createStaff, type Staff } from '../helpers/newsroom.js';
import { BROWSER, SEED_ID, testSite, type TestSite } from '../helpers/site.js';

const T0 = new Date('2026-11-29T08:00:00.000Z');

describeEachDialect((dialect: DialectName) => {
  let site: TestSite;
  let staff: Staff;
  let other: ArticleId;
  const deps = () => ({
    database: site.database,
    now: () => plusMinutes(T0, 200),
    onPublicChange: site.app.publicChange,
  });
  const get = (url: string) => site.app.inject({ url, headers: { 'user-agent': BROWSER } });
  /** The [article id, text] of each correction listed, in order. */
  const listed = (html: string) =>
    [
      ...html.matchAll(
        /<li><a href="\/a\/(\d+)#notes">[^<]*<\/a><time class="corrections-list__time" datetime="[^"]+">[^<]+<\/time><p class="corrections-list__text">([^<]*)<\/p><\/li>/g,
      ),
    ].map((m) => [m[1], m[2]]);

  beforeAll(async () => {
    site = await testSite({}, { dialect });
    staff = await createStaff(site.database, () => T0);
    // 21 corrections on the demo article, at 08:01…08:21, and an update note (never listed).
    for (let n = 1; n <= 21; n++) {
      await insertNote(site.database, SEED_ID as ArticleId, {
        kind: 'correction',
        text: `تصحيح رقم ${n}`,
        at: plusMinutes(T0, n),
        authorId: null,
      });
    }
    await insertNote(site.database, SEED_ID as ArticleId, {
      kind: 'update',
      text: 'تحديث لا يظهر',
      at: plusMinutes(T0, 30),
      authorId: null,
    });
    other = await createDraft(deps(), staff.editor);
    await saveArticle(
      deps(),
      staff.editor,
      other,
      content([staff.editor.id], { headline: 'خبر آخر' }),
    );
    await moveArticle(deps(), staff.editor, other, 'publish');
  });
  afterAll(async () => {
    await site.close();
  });

  it('lists the newest 20 corrections first, then the 21st on page 2', async () => {
    const first = await get('/corrections');
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('<h1 id="corrections-heading" class="page-title">تصحيحات</h1>');
    const items = listed(first.body);
    expect(items).toEqual(Array.from({ length: 20 }, (_, i) => [SEED_ID, `تصحيح رقم ${21 - i}`]));
    expect(first.body).toContain(
      '<time class="corrections-list__time" datetime="2026-11-29T08:21:00.000Z">29 نوفمبر/ تشرين الثاني 2026، 11:21</time>',
    );
    expect(first.body).toContain('<a href="/corrections?page=2" rel="next">');
    expect(first.body).not.toContain('تحديث لا يظهر');
    const second = await get('/corrections?page=2');
    expect(listed(second.body)).toEqual([[SEED_ID, 'تصحيح رقم 1']]);
    expect(second.body).toContain('<a href="/corrections" rel="prev">');
    expect(second.body).not.toContain('rel="next"');
    expect((await get('/corrections?page=3')).statusCode).toBe(404);
    expect((await get('/corrections?page=x')).statusCode).toBe(404);
  });

  it('is linked from the footer of every page', async () => {
    expect((await get(`/a/${SEED_ID}`)).body).toContain(
      '<footer class="site-footer"><p><a href="/corrections">تصحيحات</a></p>',
    );
  });

  it('is purged by a correction on an article it does not list yet', async () => {
    const cached = await get('/corrections');
    expect(String(cached.headers['surrogate-key']).split(' ')).toEqual(
      expect.arrayContaining(['corrections', `a${SEED_ID}`]),
    );
    expect((await get('/corrections')).headers['x-cache']).toBe('HIT');
    await saveArticle(
      deps(),
      staff.editor,
      other,
      content([staff.editor.id], { headline: 'خبر آخر' }),
      { note: { kind: 'correction', text: 'صُحّح اسم الوزير.' } },
    );
    const after = await get('/corrections');
    expect(after.headers['x-cache']).toBe('MISS');
    expect(listed(after.body)[0]).toEqual([other, 'صُحّح اسم الوزير.']);
  });
});
