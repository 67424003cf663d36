/**
 * The newsroom's live desk (issue 19), over HTTP on both engines: who may
 * see, start, end, post, edit and delete; the one-click post's JSON
 * answer and the plain form's redirect; refusals said next to the field
 * with the text kept; the poll; and the public note of a save of a
 * published article (stored and listed; none for a silent save or an
 * autosave; a too long one refused with everything typed kept; deleted
 * by an editor).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ARTICLE_NOTE_MAX } from '../../src/domain/article-note.js';
import { LIVE_UPDATE_HEADLINE_MAX } from '../../src/domain/live-coverage.js';
import type { Role } from '../../src/domain/roles.js';
import { toArticleId, type ArticleId } from '../../src/domain/article-id.js';
import { getLiveUpdate, listLiveUpdates } from '../../src/services/live-coverage.js';
import { startSession } from '../../src/services/sessions.js';
import { findArticleForPreview } from '../../src/storage/repositories/articles.repository.js';
import { AdminClient } from '../helpers/admin-client.js';
import { describeEachDialect } from '../helpers/dialects.js';
import { createStaff, type Staff } from '../helpers/newsroom.js';
import { NOW, testSite, type TestSite } from '../helpers/site.js';

const HEADLINE = 'مباشر: وقف إطلاق النار في غزة يدخل حيز التنفيذ';
const STANDFIRST = 'تغطية لحظة بلحظة من مراسلينا في غزة والقاهرة.';
const JSON_HEADERS = { accept: 'application/json' };

/** The element with `id="<id>"`, as rendered (its start tag). */
function startTag(html: string, id: string): string {
  const at = html.indexOf(`id="${id}"`);
  if (at === -1) return '';
  return html.slice(html.lastIndexOf('<', at), html.indexOf('>', at) + 1);
}

describeEachDialect((dialect) => {
  let site: TestSite;
  let staff: Staff;
  let as: Record<Role, AdminClient>;
  let id: ArticleId;
  const deps = () => ({ database: site.database, now: () => NOW });
  const desk = () => `/admin/articles/${id}/live`;

  beforeEach(async () => {
    site = await testSite({}, { demo: false, dialect });
    staff = await createStaff(site.database, () => NOW);
    const clients: Partial<Record<Role, AdminClient>> = {};
    for (const role of ['contributor', 'author', 'editor', 'administrator'] as const) {
      const client = new AdminClient(site.app);
      client.cookies.set('midad_session', await startSession(deps(), staff[role].id));
      await client.get('/admin/account');
      clients[role] = client;
    }
    as = clients as Record<Role, AdminClient>;
    // A published article by the author, made by the editor.
    const created = await as.editor.post('/admin/articles', {
      headline: HEADLINE,
      excerpt: STANDFIRST,
      body_html: '<p>بدأ سريان وقف إطلاق النار صباح اليوم.</p>',
      authorIds: staff.author.id,
    });
    expect(created.statusCode).toBe(303);
    id = toArticleId(
      /\/admin\/articles\/(\d+)\/edit/.exec(String(created.headers.location))?.[1] ?? '0',
    );
    const published = await as.editor.post(`/admin/articles/${id}/move`, { move: 'publish' });
    expect(published.statusCode).toBe(303);
  });
  afterEach(async () => {
    await site.close();
  });

  const start = async () => {
    const res = await as.editor.post(`${desk()}/start`);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${desk()}?notice=live-started`);
  };
  const postJson = (role: Role, body: Record<string, unknown>) =>
    as[role].postJson(`${desk()}/updates`, body, JSON_HEADERS);

  describe('the desk and its coverage', () => {
    it('shows the article with its links, and the start button to editors only', async () => {
      const page = await as.editor.get(desk());
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(`<h1 class="desk-head__headline">${HEADLINE}</h1>`);
      expect(page.body).toContain(`<p class="desk-head__standfirst">${STANDFIRST}</p>`);
      expect(page.body).toContain(`<a href="/a/${id}">صفحة المقال على الموقع</a>`);
      expect(page.body).toContain(`<a href="/admin/articles/${id}/edit">تحرير المقال</a>`);
      expect(page.body).toContain('<p class="desk-state__line">هذا المقال ليس تغطية مباشرة.</p>');
      expect(page.body).toContain(`action="${desk()}/start"`);
      // Before the start, nobody has a composer.
      expect(page.body).not.toContain('id="live-composer"');

      const author = await as.author.get(desk());
      expect(author.statusCode).toBe(200);
      expect(author.body).not.toContain(`action="${desk()}/start"`);
      expect((await as.author.post(`${desk()}/start`)).statusCode).toBe(403);
    });

    it('starts and ends the coverage (editors), with a confirmation step for the end', async () => {
      await start();
      const live = await as.editor.get(`${desk()}?notice=live-started`);
      expect(live.body).toContain('<span class="badge badge--live">مباشر</span>');
      expect(live.body).toContain('بدأت التغطية المباشرة.');
      expect(live.body).toContain('id="live-composer"');
      expect(live.body).toMatch(
        /<details class="confirm"><summary class="button">إنهاء التغطية المباشرة<\/summary><form method="post" action="[^"]+\/live\/end"/,
      );
      expect((await as.author.post(`${desk()}/end`)).statusCode).toBe(403);

      const ended = await as.editor.post(`${desk()}/end`);
      expect(ended.statusCode).toBe(303);
      expect(ended.headers.location).toBe(`${desk()}?notice=live-ended`);
      const after = await as.editor.get(desk());
      expect(after.body).toContain('<span class="badge">انتهت</span>');
      expect(after.body).not.toContain('id="live-composer"');
      // «انتهت» is said once: the badge, then «في» and the time.
      const line = /<p class="desk-state__line">(.*?)<\/p>/.exec(after.body)?.[1] ?? '';
      expect(line.replace(/<[^>]+>/g, '')).toBe('انتهت في 29 نوفمبر/ تشرين الثاني 2026، 15:00');
      // Ending what is not live is refused on the desk, with the reason.
      const again = await as.editor.post(`${desk()}/end`);
      expect(again.statusCode).toBe(409);
      expect(again.body).toContain('class="form-error"');
      expect(again.body).toContain(
        'التغطية المباشرة ليست جارية الآن: لم تبدأ بعد، أو أنهاها محرر آخر.',
      );
      // An ended coverage refuses new updates.
      const late = await postJson('author', { body_html: '<p>متأخر</p>' });
      expect(late.statusCode).toBe(409);
      expect(late.json().error.code).toBe('LIVE_NOT_STARTED');
      // Said to whoever posted, whatever their role: no «start it» to an author.
      expect(late.json().error.message).toBe(
        'التغطية المباشرة ليست جارية الآن، فلا يمكن نشر تحديث.',
      );
    });

    it('reopens an ended coverage and says it resumed, not started', async () => {
      await start();
      expect((await as.editor.post(`${desk()}/end`)).statusCode).toBe(303);
      const ended = await as.editor.get(desk());
      expect(ended.body).toContain(
        `<form method="post" action="${desk()}/start" class="inline-form">`,
      );
      expect(ended.body).toContain('<input type="hidden" name="resume" value="1"/>');
      expect(ended.body).toContain('استئناف التغطية المباشرة</button>');
      const resumed = await as.editor.post(`${desk()}/start`, { resume: '1' });
      expect(resumed.statusCode).toBe(303);
      expect(resumed.headers.location).toBe(`${desk()}?notice=live-resumed`);
      const page = await as.editor.get(String(resumed.headers.location));
      expect(page.body).toContain('استُؤنفت التغطية المباشرة.');
      expect(page.body).not.toContain('بدأت التغطية المباشرة.');
      expect(page.body).toContain('<span class="badge badge--live">مباشر</span>');
      // A first start has no resume field.
      expect(ended.body.match(/name="resume"/g)).toHaveLength(1);
    });

    it('ends from the editor page and comes back to it', async () => {
      await start();
      const res = await as.editor.post(`${desk()}/end`, { from: 'edit' });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`/admin/articles/${id}/edit?notice=live-ended`);
      const edit = await as.editor.get(String(res.headers.location));
      expect(edit.body).toContain('انتهت التغطية المباشرة.');
      expect(edit.body).toContain(`<a href="${desk()}">افتح مكتب التغطية المباشرة</a>`);
    });
  });

  describe('posting', () => {
    beforeEach(start);

    it('shows contributors the desk read-only and refuses their post with 403', async () => {
      const page = await as.contributor.get(desk());
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(
        '<p class="notice" data-read-only>تُنشر التحديثات فور إرسالها، لذلك لا ينشرها إلا الكتّاب والمحررون. يمكنك متابعة التغطية هنا.</p>',
      );
      expect(page.body).not.toContain('id="live-composer"');
      expect(page.body).not.toContain(`action="${desk()}/start"`);
      const form = await as.contributor.post(`${desk()}/updates`, { body_html: '<p>خبر</p>' });
      expect(form.statusCode).toBe(403);
      const json = await postJson('contributor', { body_html: '<p>خبر</p>' });
      expect(json.statusCode).toBe(403);
      expect(json.json().error.code).toBe('FORBIDDEN');
      expect(await listLiveUpdates(deps(), id)).toEqual([]);
    });

    it('posts in one click as JSON: the number, the time, the public link and the list item', async () => {
      const res = await postJson('author', {
        headline: 'الهدنة تصمد في ساعتها الأولى',
        body_html: '<p>لم تُسجّل خروقات حتى الآن.</p>',
        key: '1',
      });
      expect(res.statusCode).toBe(201);
      const answer = res.json();
      expect(Object.keys(answer).sort()).toEqual(['createdAt', 'html', 'number', 'url']);
      expect(answer.number).toBe(1);
      expect(answer.createdAt).toBe(NOW.toISOString());
      expect(answer.url).toBe(`/a/${id}#update-1`);
      expect(answer.html).toMatch(
        /^<li class="desk-update desk-update--key" id="update-1" data-number="1"><p class="desk-update__meta"><time datetime="2026-11-29T12:00:00.000Z">/,
      );
      expect(answer.html).toContain(`<bdi>كاتب الأخبار</bdi>`);
      expect(answer.html).toContain('<span class="badge badge--key">تحديث رئيسي</span>');
      expect(answer.html).toContain(
        '<h3 class="desk-update__headline">الهدنة تصمد في ساعتها الأولى</h3>',
      );
      expect(answer.html).toContain(`href="${desk()}/updates/1/edit"`);
      const stored = await getLiveUpdate(deps(), id, 1);
      expect(stored).toMatchObject({
        number: 1,
        headline: 'الهدنة تصمد في ساعتها الأولى',
        key: true,
        pinned: false,
        author: { id: staff.author.id },
      });
    });

    it('posts without JavaScript: a redirect to the desk, the update at the top of the list', async () => {
      expect((await postJson('editor', { body_html: '<p>الأول</p>' })).statusCode).toBe(201);
      const res = await as.author.post(`${desk()}/updates`, {
        headline: 'الثاني',
        body_html: '<p>نص الثاني</p>',
        pinned: '1',
      });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`${desk()}?notice=live-posted#update-2`);
      const page = await as.author.get(`${desk()}?notice=live-posted`);
      expect(page.body).toContain('نُشر التحديث.');
      const first = page.body.indexOf('id="update-2"');
      const second = page.body.indexOf('id="update-1"');
      expect(first).toBeGreaterThan(-1);
      expect(second).toBeGreaterThan(first);
      expect(startTag(page.body, 'update-2')).toBe(
        '<li class="desk-update desk-update--pinned" id="update-2" data-number="2">',
      );
      expect(page.body).toContain('<span data-live-total>(2)</span>');
      // The author may change their own update, not the editor's.
      expect(page.body).toContain(`href="${desk()}/updates/2/edit"`);
      expect(page.body).not.toContain(`href="${desk()}/updates/1/edit"`);
    });

    it('says a refusal next to its field and keeps what was typed', async () => {
      const empty = await postJson('author', { headline: 'عنوان بلا نص', body_html: '<p></p>' });
      expect(empty.statusCode).toBe(422);
      expect(empty.json().error.code).toBe('LIVE_UPDATE_EMPTY');
      expect(Object.keys(empty.json().fields)).toEqual(['body_html']);
      expect(empty.json().fields.body_html).toBe(empty.json().error.message);

      const long = await postJson('author', {
        headline: 'ع'.repeat(LIVE_UPDATE_HEADLINE_MAX + 1),
        body_html: '<p>نص</p>',
      });
      expect(long.statusCode).toBe(422);
      expect(long.json().error.code).toBe('LIVE_UPDATE_HEADLINE_TOO_LONG');
      expect(Object.keys(long.json().fields)).toEqual(['headline']);

      // Without JavaScript: the desk again, the error by the field, the text kept.
      const form = await as.author.post(`${desk()}/updates`, {
        headline: 'عنوان محفوظ',
        body_html: '',
        key: '1',
      });
      expect(form.statusCode).toBe(422);
      expect(startTag(form.body, 'live-headline')).toContain('value="عنوان محفوظ"');
      expect(form.body).toMatch(/<input type="checkbox" name="key" value="1" checked/);
      expect(form.body).toContain('<div class="error-summary" role="alert"');
      expect(form.body).toContain('<a href="#live-body_html">');
      expect(startTag(form.body, 'live-body_html')).toContain('aria-invalid="true"');
      expect(await listLiveUpdates(deps(), id)).toEqual([]);
    });

    it('gives the composer the reason to show when the coverage ends under it', async () => {
      const page = await as.author.get(desk());
      expect(startTag(page.body, 'live-composer')).toContain(
        'data-ended-label="انتهت التغطية المباشرة، فلا يُنشر هذا التحديث. ما كتبته باقٍ في المحرر إن استُؤنفت التغطية."',
      );
      // The key mark has one name, on the checkbox and on the badge.
      expect(page.body).toContain(
        '<input type="checkbox" name="key" value="1"/> تحديث رئيسي</label>',
      );
    });

    it('refuses a huge paste into an update with a message that fits an update', async () => {
      const res = await postJson('author', { body_html: `<p>${'ا'.repeat(200_000)}</p>` });
      expect(res.statusCode).toBe(422);
      expect(res.json()).toEqual({
        error: {
          code: 'BODY_HTML_TOO_LARGE',
          message:
            'النص أطول من المسموح: 200 ألف حرف من HTML على الأكثر (نحو 30 ألف كلمة). قسّمه على أكثر من مقال أو تحديث.',
        },
        fields: {
          body_html:
            'النص أطول من المسموح: 200 ألف حرف من HTML على الأكثر (نحو 30 ألف كلمة). قسّمه على أكثر من مقال أو تحديث.',
        },
      });
      expect(await listLiveUpdates(deps(), id)).toEqual([]);
    });

    it('refuses a post without the CSRF token, as a form and as JSON', async () => {
      const form = await as.author.post(`${desk()}/updates`, {
        _csrf: '',
        body_html: '<p>بلا رمز</p>',
      });
      expect(form.statusCode).toBe(403);
      const json = await as.author.postJson(
        `${desk()}/updates`,
        { body_html: '<p>بلا رمز</p>' },
        { ...JSON_HEADERS, 'x-csrf-token': 'forged' },
      );
      expect(json.statusCode).toBe(403);
      expect(json.json().error.code).toBe('CSRF');
      expect(await listLiveUpdates(deps(), id)).toEqual([]);
    });
  });

  describe('editing and deleting', () => {
    beforeEach(async () => {
      await start();
      expect((await postJson('author', { body_html: '<p>تحديث الكاتب</p>' })).statusCode).toBe(201);
      expect((await postJson('editor', { body_html: '<p>تحديث المحرر</p>' })).statusCode).toBe(201);
    });

    it('lets an author edit their own update, not another’s; an editor any', async () => {
      const page = await as.author.get(`${desk()}/updates/1/edit`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<h1>تعديل التحديث رقم 1</h1>');
      expect(page.body).toContain('data-editor');
      expect(page.body).toContain('&lt;p>تحديث الكاتب&lt;/p></textarea>');
      const saved = await as.author.post(`${desk()}/updates/1`, {
        headline: 'عنوان مضاف',
        body_html: '<p>تحديث الكاتب، مصحّحاً</p>',
      });
      expect(saved.statusCode).toBe(303);
      expect(saved.headers.location).toBe(`${desk()}?notice=live-edited#update-1`);
      expect(await getLiveUpdate(deps(), id, 1)).toMatchObject({
        headline: 'عنوان مضاف',
        bodyHtml: '<p>تحديث الكاتب، مصحّحاً</p>',
      });

      expect((await as.author.get(`${desk()}/updates/2/edit`)).statusCode).toBe(403);
      expect(
        (await as.author.post(`${desk()}/updates/2`, { body_html: '<p>ليس لي</p>' })).statusCode,
      ).toBe(403);
      expect((await as.contributor.get(`${desk()}/updates/1/edit`)).statusCode).toBe(403);

      const byEditor = await as.editor.post(`${desk()}/updates/1`, {
        body_html: '<p>راجعه المحرر</p>',
        key: '1',
      });
      expect(byEditor.statusCode).toBe(303);
      expect(await getLiveUpdate(deps(), id, 1)).toMatchObject({ headline: '', key: true });
      // A refused edit keeps the text on the edit page.
      const refused = await as.editor.post(`${desk()}/updates/1`, {
        headline: 'ع'.repeat(LIVE_UPDATE_HEADLINE_MAX + 1),
        body_html: '<p>نص باقٍ</p>',
      });
      expect(refused.statusCode).toBe(422);
      expect(refused.body).toContain('&lt;p>نص باقٍ&lt;/p></textarea>');
      // An update that is not there.
      expect((await as.editor.get(`${desk()}/updates/99/edit`)).statusCode).toBe(404);
      expect((await as.editor.get(`${desk()}/updates/abc/edit`)).statusCode).toBe(404);
    });

    it('refuses an edit made on a version changed since, keeping the typed text', async () => {
      const stored = (await getLiveUpdate(deps(), id, 1))!;
      const page = await as.author.get(`${desk()}/updates/1/edit`);
      const base = stored.updatedAt.toISOString();
      expect(page.body).toContain(`<input type="hidden" name="base_version" value="${base}"/>`);
      // A form opened a minute before the stored version was saved (the site's clock is pinned).
      const opened = new Date(stored.updatedAt.getTime() - 60_000).toISOString();
      const late = await as.author.post(`${desk()}/updates/1`, {
        base_version: opened,
        body_html: '<p>نسخة الكاتب</p>',
      });
      expect(late.statusCode).toBe(409);
      expect(late.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(late.body).toContain('غيّر أحدٌ هذا التحديث بعد أن فتحته.');
      expect(late.body).toContain('&lt;p>نسخة الكاتب&lt;/p></textarea>');
      expect((await getLiveUpdate(deps(), id, 1))!.bodyHtml).toBe('<p>تحديث الكاتب</p>');
      // The form now starts from the stored version: sending it again is taken.
      expect(late.body).toContain(`<input type="hidden" name="base_version" value="${base}"/>`);
      const again = await as.author.post(`${desk()}/updates/1`, {
        base_version: base,
        body_html: '<p>نسخة الكاتب</p>',
      });
      expect(again.statusCode).toBe(303);
      expect((await getLiveUpdate(deps(), id, 1))!.bodyHtml).toBe('<p>نسخة الكاتب</p>');
    });

    it('deletes after the confirmation: own for authors, any for editors', async () => {
      expect((await as.author.post(`${desk()}/updates/2/delete`)).statusCode).toBe(403);
      const own = await as.author.post(`${desk()}/updates/1/delete`);
      expect(own.statusCode).toBe(303);
      expect(own.headers.location).toBe(`${desk()}?notice=live-deleted`);
      const page = await as.editor.get(desk());
      expect(page.body).not.toContain('id="update-1"');
      expect(page.body).toContain('id="update-2"');
      expect(page.body).toContain('<span data-live-total>(1)</span>');
      expect((await as.editor.post(`${desk()}/updates/2/delete`)).statusCode).toBe(303);
      expect(await listLiveUpdates(deps(), id)).toEqual([]);
    });

    it('answers the poll: unchanged for the same signature, else the list and the state', async () => {
      const page = await as.author.get(desk());
      const signature = /data-signature="([^"]+)"/.exec(page.body)?.[1] ?? '';
      expect(signature).not.toBe('');
      const same = await as.author.get(`${desk()}/poll?since=${encodeURIComponent(signature)}`);
      expect(same.json()).toEqual({ signature, changed: false });

      expect((await postJson('editor', { body_html: '<p>من زميل</p>' })).statusCode).toBe(201);
      const changed = await as.author.get(`${desk()}/poll?since=${encodeURIComponent(signature)}`);
      const answer = changed.json();
      expect(answer.changed).toBe(true);
      expect(answer.signature).not.toBe(signature);
      expect(answer.state).toBe('live');
      expect(answer.total).toBe(3);
      expect(
        [...answer.listHtml.matchAll(/data-number="(\d+)"/g)].map((m: RegExpMatchArray) => m[1]),
      ).toEqual(['3', '2', '1']);
      expect(answer.stateHtml).toContain('<span class="badge badge--live">مباشر</span>');
    });
  });

  describe('public notes on saving a published article', () => {
    const save = (role: Role, extra: Record<string, string>) =>
      as[role].post(`/admin/articles/${id}`, {
        headline: HEADLINE,
        excerpt: STANDFIRST,
        body_html: '<p>بدأ سريان وقف إطلاق النار صباح اليوم عند الثامنة.</p>',
        authorIds: staff.author.id,
        ...extra,
      });
    const notes = async () => (await findArticleForPreview(site.database.db, id))?.notes ?? [];

    it('offers the note fields on a published article, none chosen', async () => {
      const page = await as.editor.get(`/admin/articles/${id}/edit`);
      expect(page.body).toContain('<legend>ملاحظة للقرّاء</legend>');
      expect(page.body).toMatch(/<input type="radio" name="note_kind" value="none" checked/);
      expect(startTag(page.body, 'field-note_text')).toContain(`maxlength="${ARTICLE_NOTE_MAX}"`);
    });

    it('stores a correction and lists it on the edit page; a silent save stores none', async () => {
      const silent = await save('editor', { note_kind: 'none', note_text: '' });
      expect(silent.statusCode).toBe(303);
      expect(await notes()).toEqual([]);

      const corrected = await save('editor', {
        note_kind: 'correction',
        note_text: 'ورد في نسخة سابقة أن الهدنة بدأت عند السابعة.',
      });
      expect(corrected.statusCode).toBe(303);
      const stored = await notes();
      expect(stored.map((n) => [n.kind, n.text])).toEqual([
        ['correction', 'ورد في نسخة سابقة أن الهدنة بدأت عند السابعة.'],
      ]);
      const page = await as.editor.get(`/admin/articles/${id}/edit`);
      expect(page.body).toContain('<h3 id="notes-heading">ملاحظات للقرّاء</h3>');
      expect(page.body).toContain(
        '<p class="notes-list__text" dir="auto">ورد في نسخة سابقة أن الهدنة بدأت عند السابعة.</p>',
      );
      expect(page.body).toContain(`action="/admin/articles/${id}/notes/${stored[0]?.id}/delete"`);
      // The next edit starts with no note chosen again.
      expect(page.body).toMatch(/<input type="radio" name="note_kind" value="none" checked/);
    });

    it('refuses a note too long or empty, keeping everything typed', async () => {
      const text = 'ت'.repeat(ARTICLE_NOTE_MAX + 1);
      const res = await save('editor', {
        headline: 'عنوان معدّل لم يُحفظ',
        note_kind: 'update',
        note_text: text,
      });
      expect(res.statusCode).toBe(422);
      expect(res.body).toContain('<div class="error-summary" role="alert"');
      expect(res.body).toContain('<a href="#field-note_text">');
      expect(startTag(res.body, 'field-note_text')).toContain('aria-invalid="true"');
      expect(res.body).toContain(`>${text}</textarea>`);
      expect(res.body).toMatch(/<input type="radio" name="note_kind" value="update" checked/);
      expect(startTag(res.body, 'field-headline')).toContain('value="عنوان معدّل لم يُحفظ"');
      expect(await notes()).toEqual([]);

      const empty = await save('editor', { note_kind: 'correction', note_text: '   ' });
      expect(empty.statusCode).toBe(422);
      expect(empty.body).toContain('<a href="#field-note_text">');
      expect(await notes()).toEqual([]);

      // A text with no kind chosen is not dropped by a silent save: the kind is asked for.
      const kindless = await save('editor', { note_kind: 'none', note_text: 'نص بلا نوع' });
      expect(kindless.statusCode).toBe(422);
      expect(kindless.body).toContain(
        '<a href="#field-note_kind">اختر نوع الملاحظة: تصحيح أو تحديث.</a>',
      );
      expect(kindless.body).toContain('>نص بلا نوع</textarea>');
      expect(await notes()).toEqual([]);
    });

    it('never stores a note from an autosave', async () => {
      const res = await as.editor.postJson(`/admin/articles/${id}/autosave`, {
        headline: HEADLINE,
        body_html: '<p>نص</p>',
        authorIds: staff.author.id,
        note_kind: 'correction',
        note_text: 'لا تُحفظ مع الحفظ التلقائي',
      });
      expect(res.statusCode).toBe(200);
      expect(await notes()).toEqual([]);
    });

    it('lets editors delete a note, not authors', async () => {
      await save('editor', { note_kind: 'update', note_text: 'أضيفت تصريحات الوسطاء.' });
      const [note] = await notes();
      const url = `/admin/articles/${id}/notes/${note?.id}/delete`;
      expect((await as.author.post(url)).statusCode).toBe(403);
      const res = await as.editor.post(url);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`/admin/articles/${id}/edit?notice=note-deleted`);
      expect(await notes()).toEqual([]);
      expect((await as.editor.post(url)).statusCode).toBe(404);
    });
  });
});
