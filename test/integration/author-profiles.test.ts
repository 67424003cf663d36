/**
 * Author profiles and section/tag descriptions, end to end over HTTP on
 * each dialect: the newsroom forms (own profile, an administrator's edit,
 * refusals with every problem at once, never in the success style, the
 * photo upload), and what the reader pages then show.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createDraft, saveArticle } from '../../src/services/edit-article.js';
import { moveArticle } from '../../src/services/move-article.js';
import { ensureSection } from '../../src/storage/repositories/sections.repository.js';
import { findAuthorProfile } from '../../src/storage/repositories/users.repository.js';
import { AdminClient } from '../helpers/admin-client.js';
import { describeEachDialect } from '../helpers/dialects.js';
import { makeImage } from '../helpers/images.js';
import { content, createStaff, type Staff } from '../helpers/newsroom.js';
import { NOW, testSite, type TestSite } from '../helpers/site.js';

const AUTHOR_SLUG = 'كاتب-الأخبار';
const AUTHOR_PAGE = `/author/${encodeURIComponent(AUTHOR_SLUG)}`;

describeEachDialect((dialect) => {
  let site: TestSite;
  let staff: Staff;
  let mediaDir: string;
  const deps = () => ({ database: site.database, now: () => NOW });

  beforeEach(async () => {
    mediaDir = await mkdtemp(join(tmpdir(), 'midad-profiles-'));
    site = await testSite({ MIDAD_MEDIA_DIR: mediaDir }, { dialect });
    staff = await createStaff(site.database, () => NOW);
  });
  afterEach(async () => {
    await site.close();
    await rm(mediaDir, { recursive: true, force: true });
  });

  async function signedIn(role: 'author' | 'administrator' | 'editor'): Promise<AdminClient> {
    const client = new AdminClient(site.app);
    await client.get('/admin/login');
    expect((await client.signIn(`${role}@news.example`, `${role} password 1`)).statusCode).toBe(
      303,
    );
    return client;
  }

  /** Publishes an article by the author in section `sectionId`; returns its id. */
  async function publishByAuthor(sectionId: string | null = null): Promise<string> {
    const id = await createDraft(deps(), staff.editor);
    await saveArticle(
      deps(),
      staff.editor,
      id,
      content([staff.author.id], { headline: 'الليرة تتراجع أمام الدولار', sectionId }),
    );
    await moveArticle(deps(), staff.editor, id, 'publish');
    return id;
  }

  /** Uploads an image into the library as `client`; returns its id. */
  async function uploadToLibrary(client: AdminClient): Promise<string> {
    await client.get('/admin/media');
    const res = await client.postFile('/admin/media', {
      name: 'layla.jpg',
      bytes: await makeImage('jpeg', 400, 500),
    });
    expect(res.statusCode).toBe(303);
    return /#media-(\d+)$/.exec(res.headers.location as string)?.[1] ?? '';
  }

  it('lets an author save their own photo, bio and links, and the author page shows them', async () => {
    await publishByAuthor();
    const author = await signedIn('author');
    const photoId = await uploadToLibrary(author);
    const account = await author.get('/admin/account');
    expect(account.body).toContain('<h2 id="profile-heading">الملف العام</h2>');
    expect(account.body).toContain(`name="photoMediaId" value="${photoId}"`);

    const saved = await author.post('/admin/account/profile', {
      photoMediaId: photoId,
      bio: '  صحفية اقتصادية في دمشق.\r\nتكتب عن الأسواق منذ 2015.  ',
      'link-website': 'https://layla.example/',
      'link-x': ' https://x.com/layla ',
      'link-telegram': '',
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/admin/account?notice=profile-saved#profile-heading');
    const after = await author.get('/admin/account?notice=profile-saved');
    expect(after.body).toContain(
      '<p class="notice notice--success" role="status">حُفظ الملف العام.</p>',
    );

    const profile = await findAuthorProfile(site.database.db, { id: staff.author.id });
    expect(profile).toMatchObject({
      bio: 'صحفية اقتصادية في دمشق.\nتكتب عن الأسواق منذ 2015.',
      links: [
        { kind: 'website', url: 'https://layla.example/' },
        { kind: 'x', url: 'https://x.com/layla' },
      ],
    });
    expect(profile?.photo?.id).toBe(photoId);

    const page = await site.app.inject({ url: AUTHOR_PAGE });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<span class="author-photo author-photo--large"><img');
    expect(page.body).toContain('sizes="128px" width="128" height="128" alt loading="eager"');
    expect(page.body).toContain(
      '<div class="listing__about"><p>صحفية اقتصادية في دمشق.</p><p>تكتب عن الأسواق منذ 2015.</p></div>',
    );
    expect(page.body).toContain(
      '<ul class="author-links" aria-label="روابط كاتب الأخبار">' +
        '<li><a href="https://layla.example/" rel="me noopener" dir="auto">الموقع الشخصي</a></li>' +
        '<li><a href="https://x.com/layla" rel="me noopener" dir="auto">إكس (تويتر)</a></li></ul>',
    );
    expect(page.body).toContain('<ul class="article-list article-list--pictured">');
    expect(page.body).toContain('story-image--thumb');
  });

  it('refuses a profile with every problem marked at once, saves nothing, and shows no success notice', async () => {
    const author = await signedIn('author');
    await author.get('/admin/account');
    const refused = await author.post('/admin/account/profile', {
      photoMediaId: '999999',
      bio: 'ب'.repeat(1001),
      'link-x': 'javascript:alert(1)',
      'link-facebook': `https://facebook.com/${'a'.repeat(500)}`,
      'link-youtube': 'https://youtube.com/@layla',
    });
    expect(refused.statusCode).toBe(422);
    const body = refused.body;
    expect(body).toContain(
      '<ul><li><a href="#field-photoMediaId">الصورة المختارة ليست في مكتبة الوسائط.</a></li>' +
        '<li><a href="#field-bio">النبذة طويلة جداً: 1000 حرف على الأكثر.</a></li>' +
        '<li><a href="#field-link-x">اكتب عنواناً كاملاً يبدأ بـ https:// أو http://.</a></li>' +
        '<li><a href="#field-link-facebook">الرابط طويل جداً: 500 حرف على الأكثر.</a></li></ul>',
    );
    expect(body).toContain(
      '<p class="field__error" id="field-photoMediaId-error">الصورة المختارة ليست في مكتبة الوسائط.</p>',
    );
    expect(body).toContain(
      '<p class="field__error" id="field-bio-error">النبذة طويلة جداً: 1000 حرف على الأكثر.</p>',
    );
    expect(body).toContain(
      '<p class="field__error" id="field-link-x-error">اكتب عنواناً كاملاً يبدأ بـ https:// أو http://.</p>',
    );
    expect(body).toContain(
      '<p class="field__error" id="field-link-facebook-error">الرابط طويل جداً: 500 حرف على الأكثر.</p>',
    );
    expect(body).not.toContain('class="notice"');
    // What was typed is shown again.
    expect(body).toContain('value="https://youtube.com/@layla"');
    expect(await findAuthorProfile(site.database.db, { id: staff.author.id })).toMatchObject({
      bio: '',
      links: [],
      photo: null,
    });
  });

  it("lets an administrator edit anyone's profile, and an author only their own", async () => {
    const admin = await signedIn('administrator');
    const users = await admin.get('/admin/users');
    expect(users.body).toContain(
      `<a href="/admin/users/${staff.author.id}/profile">الملف العام</a>`,
    );
    const form = await admin.get(`/admin/users/${staff.author.id}/profile`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain(`action="/admin/users/${staff.author.id}/profile"`);
    const saved = await admin.post(`/admin/users/${staff.author.id}/profile`, {
      photoMediaId: '',
      bio: 'مراسل الشؤون الاقتصادية.',
      'link-linkedin': 'https://www.linkedin.com/in/example',
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(
      `/admin/users/${staff.author.id}/profile?notice=profile-saved#profile-heading`,
    );
    expect(await findAuthorProfile(site.database.db, { id: staff.author.id })).toMatchObject({
      bio: 'مراسل الشؤون الاقتصادية.',
      links: [{ kind: 'linkedin', url: 'https://www.linkedin.com/in/example' }],
    });

    const author = await signedIn('author');
    await author.get('/admin/account');
    expect(
      (await author.post(`/admin/users/${staff.editor.id}/profile`, { bio: 'x' })).statusCode,
    ).toBe(403);
  });

  it('uploads a photo from the profile form and makes it the photo', async () => {
    const author = await signedIn('author');
    await author.get('/admin/account');
    const res = await author.postFile('/admin/account/photo', {
      name: 'portrait.png',
      bytes: await makeImage('png', 300, 300),
      type: 'image/png',
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/admin/account?notice=photo-saved#profile-heading');
    const profile = await findAuthorProfile(site.database.db, { id: staff.author.id });
    expect(profile?.photo).toMatchObject({ originalName: 'portrait.png', width: 300, height: 300 });

    const refused = await author.postFile('/admin/account/photo', {
      name: 'notes.txt',
      bytes: Buffer.from('not an image'),
      type: 'text/plain',
    });
    expect(refused.statusCode).toBe(415);
    expect(refused.body).toMatch(/<p class="form-error" role="alert">[^<]+<\/p>/);
    expect(refused.body).not.toContain('class="notice"');
  });

  it("shows a section's and a tag's description under its name, as the editors set it", async () => {
    const section = await ensureSection(site.database.db, { slug: 'economy', name: 'اقتصاد' }, NOW);
    await publishByAuthor(section.id);
    const editor = await signedIn('editor');
    await editor.get('/admin/sections');
    const described = await editor.post(`/admin/sections/${section.id}/description`, {
      description: 'أسواق المال والعملات والتجارة في سوريا والمنطقة.',
    });
    expect(described.statusCode).toBe(303);
    expect(described.headers.location).toBe('/admin/sections?notice=description-saved');
    const tags = await editor.get('/admin/tags');
    const tagId = /action="\/admin\/tags\/(\d+)\/description"/.exec(tags.body)?.[1] ?? '';
    expect(
      (await editor.post(`/admin/tags/${tagId}/description`, { description: 'كل ما يخص الهواتف.' }))
        .statusCode,
    ).toBe(303);

    const tooLong = await editor.post(`/admin/sections/${section.id}/description`, {
      description: 'و'.repeat(501),
    });
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.body).toContain(
      '<p class="form-error" role="alert">الوصف طويل جداً: 500 حرف على الأكثر.</p>',
    );
    expect(tooLong.body).not.toContain('class="notice"');

    const page = await site.app.inject({ url: '/section/economy' });
    expect(page.body).toContain(
      '<div class="listing__about"><p>أسواق المال والعملات والتجارة في سوريا والمنطقة.</p></div>',
    );
    expect(page.body).toContain('<ul class="article-list article-list--pictured">');
    expect(page.body).not.toContain('author-photo');
    const tagSlug = /href="\/tag\/([^"]+)"/.exec(tags.body)?.[1] ?? '';
    const tagPage = await site.app.inject({ url: `/tag/${tagSlug}` });
    expect(tagPage.body).toContain('<p>كل ما يخص الهواتف.</p>');
  });
});
