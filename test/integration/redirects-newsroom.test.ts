/**
 * The newsroom's redirects page (issue 15) over HTTP, on both engines:
 * forms with their CSRF token, the checks on what is typed (said in
 * Arabic), who may use it, and CSV import and export in the WordPress
 * Redirection plugin's format, round-tripped to the exact text.
 */
import { REDIRECT_CSV_MAX_BYTES } from '../../src/services/redirects-csv.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/roles.js';
import { translator } from '../../src/i18n/format.js';
import { redirectsPage } from '../../src/services/redirects.js';
import { AdminClient } from '../helpers/admin-client.js';
import { describeEachDialect } from '../helpers/dialects.js';
import { createStaff } from '../helpers/newsroom.js';
import { BROWSER, NOW, testSite, type TestSite } from '../helpers/site.js';

const t = translator('ar');
/** Text as the page's HTML escapes it. */
const html = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

describeEachDialect((dialect) => {
  let site: TestSite;
  let editor: AdminClient;
  let editorActor: Actor;
  const visit = (url: string) =>
    site.app.inject({ method: 'GET', url, headers: { 'user-agent': BROWSER } });
  const idOf = async (fromKey: string) =>
    (
      await redirectsPage({ database: site.database, now: () => NOW }, editorActor, {
        search: fromKey,
        page: 1,
      })
    ).redirects.find((r) => r.fromKey === fromKey)?.id ?? '';

  beforeAll(async () => {
    site = await testSite({}, { dialect, demo: false });
    editorActor = (await createStaff(site.database, () => NOW)).editor;
    editor = new AdminClient(site.app);
    expect((await editor.signIn('editor@news.example', 'editor password 1')).statusCode).toBe(303);
  });
  afterAll(() => site.close());

  it('shows the page in Arabic, linked from the navigation', async () => {
    const res = await editor.get('/admin/redirects');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>تحويل العناوين القديمة</h1>');
    expect(res.body).toContain('<a href="/admin/redirects">التحويلات</a>');
    expect(res.body).toContain(t('admin.redirects.missedNone'));
  });

  it('refuses a form without its CSRF token', async () => {
    const res = await editor.post('/admin/redirects', {
      _csrf: 'forged',
      from: '/قديم/',
      to: '/',
      status: '301',
    });
    expect(res.statusCode).toBe(403);
  });

  it('refuses the page to an author', async () => {
    const author = new AdminClient(site.app);
    await author.signIn('author@news.example', 'author password 1');
    expect((await author.get('/admin/redirects')).statusCode).toBe(403);
    expect((await author.post('/admin/redirects', { from: '/x/', to: '/' })).statusCode).toBe(403);
  });

  it('adds, changes and deletes a redirect, which the site follows', async () => {
    await editor.get('/admin/redirects');
    const added = await editor.post('/admin/redirects', {
      from: 'https://old.example/2020/02/%D8%AD%D9%84%D8%A8/',
      to: '/section/حلب',
      status: '301',
    });
    expect([added.statusCode, added.headers.location]).toEqual([
      303,
      '/admin/redirects?notice=redirect-saved',
    ]);
    expect((await visit(encodeURI('/2020/02/حلب/'))).headers.location).toBe(
      `/section/${encodeURIComponent('حلب')}`,
    );

    const page = await editor.get('/admin/redirects?notice=redirect-saved');
    expect(page.body).toContain(t('admin.redirects.saved'));
    expect(page.body).toContain('<bdi>/section/حلب</bdi>');

    const id = await idOf('/2020/02/حلب');
    const changed = await editor.post(`/admin/redirects/${id}`, {
      from: '/2020/02/حلب/',
      to: '/tag/حلب',
      status: '302',
    });
    expect(changed.statusCode).toBe(303);
    const followed = await visit(encodeURI('/2020/02/حلب'));
    expect([followed.statusCode, followed.headers.location]).toEqual([
      302,
      `/tag/${encodeURIComponent('حلب')}`,
    ]);

    await editor.get('/admin/redirects');
    const deleted = await editor.post(`/admin/redirects/${id}/delete`, { confirm: 'yes' });
    expect([deleted.statusCode, deleted.headers.location]).toEqual([
      303,
      '/admin/redirects?notice=redirect-deleted',
    ]);
    expect((await visit(encodeURI('/2020/02/حلب'))).statusCode).toBe(404);
  });

  it.each([
    [
      'a target on plain http',
      { from: '/a/', to: 'http://other.example/' },
      'REDIRECT_TARGET_INVALID',
    ],
    ['a target that is not a path', { from: '/a/', to: 'section/x' }, 'REDIRECT_TARGET_INVALID'],
    ['an old address that is not one', { from: 'old page', to: '/' }, 'REDIRECT_INVALID'],
    ['the home page', { from: '/?utm_source=x', to: '/x' }, 'REDIRECT_HOME'],
    ['a redirect to itself', { from: '/%D8%B1/', to: '/ر' }, 'REDIRECT_TO_ITSELF'],
    ['an unknown code', { from: '/b/', to: '/', status: '303' }, 'REDIRECT_STATUS_INVALID'],
  ] as const)('refuses %s, saying why, with what was typed', async (_name, form, code) => {
    await editor.get('/admin/redirects');
    const res = await editor.post('/admin/redirects', { status: '301', ...form });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain(html(t(`admin.error.${code}`)));
    expect(res.body).toContain(`value="${html(form.to)}"`);
  });

  it('refuses a loop of two, and a second redirect of the same address', async () => {
    await editor.get('/admin/redirects');
    expect(
      (await editor.post('/admin/redirects', { from: '/أ/', to: '/ب/', status: '301' })).statusCode,
    ).toBe(303);
    await editor.get('/admin/redirects');
    const loop = await editor.post('/admin/redirects', { from: '/ب', to: '/أ', status: '301' });
    expect(loop.statusCode).toBe(422);
    expect(loop.body).toContain(html(t('admin.error.REDIRECT_LOOP')));
    await editor.get('/admin/redirects');
    const again = await editor.post('/admin/redirects', {
      from: '/%D8%A3',
      to: '/ج',
      status: '301',
    });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain(html(t('admin.error.REDIRECT_EXISTS')));
    await editor.post(`/admin/redirects/${await idOf('/أ')}/delete`, { confirm: 'yes' });
  });

  it('imports a Redirection CSV file, reporting skipped and refused rows by line, and exports it back', async () => {
    // The uses of redirects the earlier tests deleted are written first.
    await site.app.redirectHits.flush();
    const csv = [
      'source,target,regex,code,type,hits,title,status',
      '/2021/01/03/خبر-عاجل/,/a/123/خبر-عاجل,0,301,url,14,خبر,active',
      '/category/%d8%a3%d8%ae%d8%a8%d8%a7%d8%b1/,/section/أخبار,0,308,url,0,,active',
      '"/old, with comma/",https://archive.example/x,0,302,url,0,,active',
      '^/tag/(.*)$,/tag/$1,1,301,url,0,,active',
      '/disabled/,/x,0,301,url,0,,disabled',
      '/gone/,,0,410,error,0,,active',
      'no-slash,/x,0,301,url,0,,active',
      '/bad-code/,/x,0,200,url,0,,active',
      '/loop-a/,/loop-b/,0,301,url,0,,active',
      '/loop-b,/loop-a,0,301,url,0,,active',
      '',
    ].join('\n');
    await editor.get('/admin/redirects');
    const res = await editor.postFile('/admin/redirects/import', {
      name: 'redirects.csv',
      bytes: Buffer.from(csv),
      type: 'text/csv',
    });
    expect(res.statusCode).toBe(200);
    // Some lines refused: never drawn as a plain success.
    expect(res.body).toContain('<div class="notice notice--partial" role="status">');
    expect(res.body).toContain(t('admin.redirects.csvSaved', { count: '3' }));
    expect(res.body).toContain(t('admin.redirects.csvSkipped', { regex: '1', inactive: '2' }));
    expect(res.body).toContain(t('admin.redirects.csvProblems', { count: '4' }));
    for (const [line, field] of [
      [8, 'source'],
      [9, 'code'],
      [10, 'target'],
      [11, 'target'],
    ] as const) {
      expect(res.body).toContain(t(`admin.redirects.csvProblem.${field}`, { line: String(line) }));
    }
    expect((await visit('/category/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1')).headers.location).toBe(
      `/section/${encodeURIComponent('أخبار')}`,
    );
    await visit(encodeURI('/2021/01/03/خبر-عاجل'));
    await site.app.redirectHits.flush();

    const exported = await editor.get('/admin/redirects/export');
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(exported.headers['content-disposition']).toBe('attachment; filename="redirects.csv"');
    expect(exported.body).toBe(
      [
        'source,target,regex,code,type,hits,title,status',
        '/2021/01/03/خبر-عاجل/,/a/123/خبر-عاجل,0,301,url,1,,active',
        '/category/%d8%a3%d8%ae%d8%a8%d8%a7%d8%b1/,/section/أخبار,0,308,url,1,,active',
        '"/old, with comma/",https://archive.example/x,0,302,url,0,,active',
        '',
      ].join('\n'),
    );

    // The export read back changes nothing but what it says.
    await editor.get('/admin/redirects');
    const again = await editor.postFile('/admin/redirects/import', {
      name: 'redirects.csv',
      bytes: Buffer.from(exported.body),
      type: 'text/csv',
    });
    expect(again.body).toContain(t('admin.redirects.csvSaved', { count: '3' }));
    expect((await editor.get('/admin/redirects/export')).body).toBe(exported.body);
  });

  it('refuses a CSV file over 20 MB, and one that is not CSV, importing nothing', async () => {
    await editor.get('/admin/redirects');
    const big = await editor.postFile('/admin/redirects/import', {
      name: 'big.csv',
      bytes: Buffer.alloc(REDIRECT_CSV_MAX_BYTES + 1, 'a'),
      type: 'text/csv',
    });
    expect(big.statusCode).toBe(413);
    await editor.get('/admin/redirects');
    const broken = await editor.postFile('/admin/redirects/import', {
      name: 'broken.csv',
      bytes: Buffer.from('source,target\n"/x/,/y\n'),
      type: 'text/csv',
    });
    expect(broken.statusCode).toBe(422);
    expect(broken.body).toContain(html(t('admin.error.REDIRECT_CSV_INVALID')));
  });
});
