/**
 * The newsroom's JSON routes answer errors in JSON, `{"error":{"code","message"}}`
 * with the right status, never an HTML page: a full disk (507, DISK_FULL,
 * the engine's real error: SQLite's file may not grow, PostgreSQL raises
 * 53100), a signed-out autosave (401), a refused CSRF token (403). A form
 * save on a full disk shows the form again with what was typed.
 */
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startSession } from '../../src/services/sessions.js';
import { AdminClient } from '../helpers/admin-client.js';
import { describeEachDialect } from '../helpers/dialects.js';
import { createStaff, type Staff } from '../helpers/newsroom.js';
import { NOW, testSite, type TestSite } from '../helpers/site.js';

const DISK_FULL_AR = 'قرص الخادم ممتلئ، فلم يُحفظ شيء. أخبِر مدير الموقع.';

describeEachDialect((dialect) => {
  let site: TestSite;
  let staff: Staff;
  let editor: AdminClient;

  beforeEach(async () => {
    site = await testSite({}, { dialect });
    staff = await createStaff(site.database, () => NOW);
    editor = new AdminClient(site.app);
    editor.cookies.set(
      'midad_session',
      await startSession({ database: site.database, now: () => NOW }, staff.editor.id),
    );
    await editor.get('/admin/articles/new');
  });
  afterEach(async () => {
    await site.close();
  });

  /** From now on, the database refuses to grow, as on a full disk. */
  async function fillDisk(): Promise<void> {
    const db = site.database.db;
    if (dialect === 'sqlite') {
      const pages = await sql<{ page_count: bigint }>`pragma page_count`.execute(db);
      await sql.raw(`pragma max_page_count = ${pages.rows[0]?.page_count}`).execute(db);
      return;
    }
    await sql`create function midad_disk_full() returns trigger language plpgsql as $$
      begin raise exception 'could not extend file: No space left on device' using errcode = '53100'; end $$`.execute(
      db,
    );
    for (const table of ['articles', 'article_revisions']) {
      await sql`create trigger disk_full before insert or update on ${sql.table(table)}
        for each row execute function midad_disk_full()`.execute(db);
    }
  }

  const cookie = () => [...editor.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  /** A long body, so that SQLite needs new pages to store it. */
  const body = `<p>${'نص طويل كتبه المحرر. '.repeat(3000)}</p>`;
  const autosave = (url: string, headers: Record<string, string> = {}) =>
    site.app.inject({
      method: 'POST',
      url,
      headers: {
        cookie: cookie(),
        'content-type': 'application/json',
        accept: 'application/json',
        'x-csrf-token': editor.csrfToken,
        ...headers,
      },
      payload: JSON.stringify({ headline: 'عنوان', body_html: body }),
    });

  it('answers an autosave on a full disk with 507 and DISK_FULL in JSON', async () => {
    const created = await editor.post('/admin/articles', {
      headline: 'مسودة',
      body_html: '<p>أ</p>',
    });
    const id = /\/admin\/articles\/(\d+)\/edit/.exec(String(created.headers.location))?.[1];
    await fillDisk();

    for (const url of [`/admin/articles/${id}/autosave`, '/admin/articles/autosave']) {
      const res = await autosave(url);
      expect(res.statusCode).toBe(507);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.json()).toEqual({ error: { code: 'DISK_FULL', message: DISK_FULL_AR } });
    }
  });

  it('shows the form again with the typed text when a form save finds the disk full', async () => {
    await fillDisk();
    const res = await editor.post('/admin/articles', {
      headline: 'عنوان لم يُحفظ',
      body_html: body,
    });
    expect(res.statusCode).toBe(507);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain(DISK_FULL_AR);
    expect(res.body).toContain('عنوان لم يُحفظ');
  });

  it('answers a signed-out autosave with 401 in JSON, not the sign-in page', async () => {
    editor.cookies.delete('midad_session');
    const res = await autosave('/admin/articles/autosave');
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({
      error: {
        code: 'SIGNED_OUT',
        message: 'انتهت جلستك. سجّل الدخول من جديد في نافذة أخرى كي لا تغلق هذه الصفحة.',
      },
    });
  });

  it('answers an autosave without its CSRF token with 403 in JSON', async () => {
    const res = await autosave('/admin/articles/autosave', { 'x-csrf-token': 'forged' });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({
      error: { code: 'CSRF', message: 'انتهت صلاحية النموذج. أعد تحميل الصفحة وحاول مجدداً.' },
    });
  });
});
