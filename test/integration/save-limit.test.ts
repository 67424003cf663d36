/**
 * One writer cannot flood the newsroom with saves (issue 13, item 3): past
 * SAVES_PER_MINUTE in a minute, saves and autosaves get 429 TOO_MANY_SAVES
 * before their body is read, and another writer still saves. A save may
 * send a body at its character limit in Arabic, but no more than
 * SAVE_REQUEST_MAX_BYTES.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startSession } from '../../src/services/sessions.js';
import { SAVES_PER_MINUTE } from '../../src/web/admin/plugin.js';
import { AdminClient } from '../helpers/admin-client.js';
import { describeEachDialect } from '../helpers/dialects.js';
import { createStaff, type Staff } from '../helpers/newsroom.js';
import { NOW, testSite, type TestSite } from '../helpers/site.js';

describeEachDialect((dialect) => {
  let site: TestSite;
  let staff: Staff;

  beforeEach(async () => {
    site = await testSite({}, { dialect, demo: false });
    staff = await createStaff(site.database, () => NOW);
  });
  afterEach(async () => {
    await site.close();
  });

  async function signedIn(role: keyof Staff): Promise<AdminClient> {
    const client = new AdminClient(site.app);
    client.cookies.set(
      'midad_session',
      await startSession({ database: site.database, now: () => NOW }, staff[role].id),
    );
    await client.get('/admin/account');
    return client;
  }
  const autosave = (client: AdminClient) =>
    client.postJson('/admin/articles/autosave', { headline: 'عنوان', body_html: '<p>نص</p>' });

  it('takes a body at its character limit in Arabic, and refuses a larger request with 413 as JSON', async () => {
    const writer = await signedIn('author');
    // 199,993 characters of Arabic: 1.2 MB form-encoded, over the 1 MiB other requests get.
    const body = `<p>${'ب'.repeat(199_986)}</p>`;
    const form = await writer.post('/admin/articles', { headline: 'عنوان', body_html: body });
    expect(form.statusCode).toBe(303);
    const huge = await writer.postJson('/admin/articles/autosave', {
      headline: 'عنوان',
      body_html: 'ب'.repeat(2_200_000),
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json()).toEqual({
      error: {
        code: 'REQUEST_TOO_LARGE',
        message:
          'المقال أكبر من أن يُرسَل دفعة واحدة (4 ميغابايت على الأكثر)؛ قصّر نصّه. نصّك محفوظ في هذا المتصفح.',
      },
    });
  });

  it('answers 429 TOO_MANY_SAVES past the limit, to that writer only', async () => {
    const flooder = await signedIn('author');
    const statuses: number[] = [];
    for (let i = 0; i <= SAVES_PER_MINUTE; i++) statuses.push((await autosave(flooder)).statusCode);
    expect(statuses.filter((s) => s === 200)).toHaveLength(SAVES_PER_MINUTE);
    const refused = await autosave(flooder);
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toEqual({
      error: {
        code: 'TOO_MANY_SAVES',
        message: 'حفظتَ مرات كثيرة في دقيقة واحدة؛ انتظر قليلاً ثم احفظ. نصّك محفوظ في هذا المتصفح.',
      },
    });
    expect((await autosave(await signedIn('editor'))).statusCode).toBe(200);
  });
  it('answers a form post (no JavaScript) over the limit with the newsroom’s 413 page naming it', async () => {
    const writer = await signedIn('author');
    const huge = await writer.post('/admin/articles', {
      headline: 'عنوان',
      body_html: 'ب'.repeat(800_000),
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(huge.body).toContain('<h1>لم يُقبل الطلب</h1>');
    expect(huge.body).toContain(
      'ما أرسلته أكبر من الحدّ المسموح (4 ميغابايت على الأكثر)، فلم يُحفظ شيء.',
    );
    expect(huge.body).not.toContain('تحقّق من الرابط');
  });

  it('answers the form post past the limit of saves with the newsroom’s 429 page and Retry-After', async () => {
    const flooder = await signedIn('author');
    const statuses: number[] = [];
    // An empty headline is refused (422) but counts as a save all the same.
    for (let i = 0; i < SAVES_PER_MINUTE; i++) {
      statuses.push(
        (await flooder.post('/admin/articles', { headline: '', body_html: '' })).statusCode,
      );
    }
    expect(statuses.filter((s) => s === 429)).toEqual([]);
    const refused = await flooder.post('/admin/articles', { headline: '', body_html: '' });
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(refused.headers['retry-after']).toMatch(/^[1-9]\d*$/);
    expect(refused.body).toContain(
      'أرسلتَ مرات كثيرة في دقيقة واحدة، فلم يُحفظ هذا الإرسال. انتظر دقيقة، ثم ارجع إلى الصفحة السابقة وأرسل من جديد.',
    );
  });
});
