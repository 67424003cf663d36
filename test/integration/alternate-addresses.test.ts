/**
 * Alternate addresses (issue 22, item 3), on SQLite and PostgreSQL: an
 * administrator lists the mirrors and the onion address at /admin/mirrors
 * (a refused form stores nothing and says why in Arabic); every public
 * page then carries `Onion-Location` with its path and query, page-cache
 * hits before the router too (so the site listens: app.inject() goes
 * around the fast path), but not on the onion address itself; clearing
 * it takes effect at once; /mirrors lists them, the footer links it, the
 * feeds and the newsletter's footer name them.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { ALTERNATE_ADDRESSES_SETTING } from '../../src/domain/alternate-addresses.js';
import { editionMailSite } from '../../src/services/edition-mail.js';
import { createEditionDraft, previewEditionMail } from '../../src/services/newsletter-editions.js';
import { getSetting } from '../../src/storage/repositories/settings.repository.js';
import { AdminClient } from '../helpers/admin-client.js';
import { describeEachDialect } from '../helpers/dialects.js';
import { createStaff, type Staff } from '../helpers/newsroom.js';
import { send, type ReaderResponse } from '../helpers/raw-http.js';
import { NOW, SEED_ID, testSite, type TestSite } from '../helpers/site.js';
import { parseXml } from '../helpers/xml.js';

/** DuckDuckGo's onion service: a real v3 address. */
const ONION = 'duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczad.onion';
const IPNS = 'ipns://k51qzi5uqu5dlvj2baxnqndepeb86cbk3ng7n3i46uzyxzyqj2xjonzllnv0v8';
/** The form that lists both mirrors and the onion address. */
const GOOD_FORM = {
  onion: `http://${ONION}/`,
  'mirror-url-1': 'https://mirror.example/',
  'mirror-label-1': 'مرآة أوروبا',
  'mirror-url-2': IPNS,
  'mirror-label-2': '',
};
const STORED =
  `{"onion":"http://${ONION}","mirrors":[{"url":"https://mirror.example/","label":"مرآة أوروبا"},` +
  `{"url":"${IPNS}","label":""}]}`;
const ARTICLE = `/a/${SEED_ID}?utm_source=telegram&x=%D8%AE`;

describeEachDialect((dialect) => {
  let site: TestSite;
  let staff: Staff;
  let admin: AdminClient;
  let port: number;

  beforeAll(async () => {
    site = await testSite(
      // The newsroom is reached through app.inject(), whose Host is localhost:80.
      { MIDAD_BASE_URL: '', MIDAD_ALLOWED_HOSTS: `news.example,${ONION},localhost:80` },
      { dialect },
    );
    staff = await createStaff(site.database, () => NOW);
    admin = new AdminClient(site.app);
    expect(
      (await admin.signIn('administrator@news.example', 'administrator password 1')).statusCode,
    ).toBe(303);
    port = Number(new URL(await site.app.listen({ host: '127.0.0.1', port: 0 })).port);
  }, 120_000);
  afterAll(() => site?.close());

  const stored = () => getSetting(site.database.db, ALTERNATE_ADDRESSES_SETTING);

  /** A reader's GET over HTTP, and whether the fast path answered it. */
  async function read(
    path: string,
    host = 'news.example',
  ): Promise<{ res: ReaderResponse; fast: boolean }> {
    const before = site.app.fastPath.served;
    const res = await send(port, { path, headers: { host } });
    return { res, fast: site.app.fastPath.served === before + 1 };
  }

  it('saves the addresses an administrator lists; a refused form says why and stores nothing', async () => {
    const saved = await admin.post('/admin/mirrors', GOOD_FORM);
    expect([saved.statusCode, saved.headers.location]).toEqual([
      303,
      '/admin/mirrors?notice=mirrors-saved',
    ]);
    expect(await stored()).toBe(STORED);
    const page = await admin.get('/admin/mirrors?notice=mirrors-saved');
    expect(page.body).toContain('حُفظت العناوين البديلة، وتظهر للقرّاء من الآن.');
    expect(page.body).toContain(`name="onion" dir="ltr" aria-describedby="field-onion-hint"`);
    expect(page.body).toContain(`value="http://${ONION}"`);
    expect(page.body).toContain('value="مرآة أوروبا"');
    expect(page.body).toContain('href="/admin/mirrors"');

    const refused = await admin.post('/admin/mirrors', {
      onion: 'expyuzz4wqqyqhjn.onion',
      'mirror-url-1': 'https://other.example/',
      'mirror-url-2': 'ftp://mirror.example/',
      'mirror-label-3': 'بلا عنوان',
      'mirror-url-4': 'https://other.example/',
      'mirror-url-5': `https://mirror.example/${'a'.repeat(2000)}`,
    });
    expect(refused.statusCode).toBe(422);
    const errors = [
      ...refused.body.matchAll(/<p class="field__error" id="([^"]+)-error">([^<]+)</g),
    ];
    expect(errors.map((m) => [m[1], m[2]])).toEqual([
      [
        'field-onion',
        'هذا عنوان بصلي من الإصدار الثاني (16 حرفًا)، وقد أوقف Tor العمل بهذه العناوين سنة 2021 ' +
          'فلا يصل إليها متصفح Tor. أدخل عنوان الإصدار الثالث (56 حرفًا يليها \u2066.onion\u2069) ' +
          'كما تجده في ملف \u2066hostname\u2069 لخدمتك.',
      ],
      [
        'field-mirror-url-2',
        'أدخل عنوانًا كاملًا يبدأ بـ \u2066https://\u2069 أو \u2066http://\u2069 أو \u2066ipfs://\u2069 ' +
          'أو \u2066ipns://\u2069، مثل \u2066https://mirror.example/\u2069.',
      ],
      ['field-mirror-url-3', 'أدخل عنوان هذه المرآة، أو امسح اسمها.'],
      ['field-mirror-url-4', 'هذه المرآة مذكورة مرتين.'],
      ['field-mirror-url-5', 'العنوان أطول من 2000 حرف.'],
    ]);
    // What was typed is shown again, and nothing was stored.
    expect(refused.body).toContain('value="expyuzz4wqqyqhjn.onion"');
    expect(refused.body).toContain('value="ftp://mirror.example/"');
    expect(refused.body).toContain('value="بلا عنوان"');
    expect(await stored()).toBe(STORED);

    const mistyped = await admin.post('/admin/mirrors', {
      onion: ONION.replace('duckduckgo', 'duckduckgp'),
    });
    expect(mistyped.statusCode).toBe(422);
    expect(mistyped.body).toContain('في هذا العنوان حرف خاطئ');
    // A path cannot work in Onion-Location; a user and password would be shown to every reader.
    const withPath = await admin.post('/admin/mirrors', {
      onion: `http://${ONION}/news`,
      'mirror-url-1': 'https://user:secret@mirror.example/',
    });
    expect(withPath.statusCode).toBe(422);
    expect(
      [...withPath.body.matchAll(/<p class="field__error" id="([^"]+)-error">([^<]+)</g)].map(
        (m) => [m[1], m[2]],
      ),
    ).toEqual([
      [
        'field-onion',
        'أدخل العنوان البصلي وحده، بلا مسار ولا استعلام بعد \u2066.onion\u2069: يضيف الموقع مسار ' +
          'كل صفحة إليه في ترويسة \u2066Onion-Location\u2069، فيفتح متصفح Tor الصفحة نفسها على العنوان البصلي.',
      ],
      [
        'field-mirror-url-1',
        'لا يُقبل اسم مستخدم ولا كلمة مرور في عنوان يراه كل القرّاء. احذف ما قبل @ من العنوان ' +
          '(مثل \u2066user:password@\u2069).',
      ],
    ]);
    const tooMany = await admin.post(
      '/admin/mirrors',
      Object.fromEntries(
        Array.from({ length: 21 }, (_, i) => [`mirror-url-${i + 1}`, `https://m${i}.example/`]),
      ),
    );
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.body).toContain('<p class="field__error">تُذكر 20 مرآة على الأكثر.</p>');
    expect(await stored()).toBe(STORED);

    const again = await admin.post('/admin/mirrors', GOOD_FORM);
    expect(again.headers.location).toBe('/admin/mirrors?notice=mirrors-unchanged');
    const editor = new AdminClient(site.app);
    await editor.signIn('editor@news.example', 'editor password 1');
    expect((await editor.post('/admin/mirrors', { onion: '' })).statusCode).toBe(403);
    // Without the form's CSRF token, as every newsroom form.
    expect((await admin.post('/admin/mirrors', { _csrf: '', onion: '' })).statusCode).toBe(403);
    expect(await stored()).toBe(STORED);
  });

  it('sends Onion-Location with the path and query on a rendered page and on a fast-path hit, not on the onion host', async () => {
    const expected = `http://${ONION}${ARTICLE}`;
    const first = await read(ARTICLE);
    expect([first.res.status, first.res.headers['x-cache'], first.fast]).toEqual([
      200,
      'MISS',
      false,
    ]);
    expect(first.res.headers['onion-location']).toBe(expected);
    const hit = await read(ARTICLE);
    expect([hit.res.headers['x-cache'], hit.fast]).toEqual(['HIT', true]);
    expect(hit.res.headers['onion-location']).toBe(expected);
    const other = await read('/?page=1');
    expect(other.res.headers['onion-location']).toBe(`http://${ONION}/?page=1`);

    // The onion address's own requests: rendered, then from the fast path.
    const onion = await read(ARTICLE, ONION);
    const onionHit = await read(ARTICLE, ONION);
    expect([onion.res.status, onionHit.res.status, onionHit.fast]).toEqual([200, 200, true]);
    expect([onion.res.headers['onion-location'], onionHit.res.headers['onion-location']]).toEqual([
      undefined,
      undefined,
    ]);
    // Feeds are no HTML page.
    expect((await read('/rss.xml')).res.headers['onion-location']).toBeUndefined();
  });

  it('lists the addresses at /mirrors, links it from the footer, and names the mirrors in every feed', async () => {
    const page = await read('/mirrors');
    expect([page.res.status, page.res.headers['x-cache']]).toEqual([200, 'MISS']);
    const html = page.res.body;
    expect(html).toContain('<!doctype html><html lang="ar" dir="rtl" class="no-js"');
    expect(html).toContain('<h1 class="page-title">عناوين بديلة</h1>');
    expect(html).toContain(
      '<p>إن تعذّر عليك فتح موقع مداد لأن نطاقه محجوب في بلدك أو على شبكتك، فهذه طرق أخرى لقراءة أخبارنا.',
    );
    expect(html).toContain('<h2 id="mirrors-onion">العنوان البصلي (Tor)</h2>');
    expect(html).toContain(`<a href="http://${ONION}/" dir="ltr">http://${ONION}/</a>`);
    expect(html).toContain(
      '<li><bdi>مرآة أوروبا</bdi>: <a href="https://mirror.example/" dir="ltr">https://mirror.example/</a></li>' +
        `<li><a href="${IPNS}" dir="ltr">${IPNS}</a></li>`,
    );
    expect(page.res.headers['onion-location']).toBe(`http://${ONION}/mirrors`);
    expect((await read('/mirrors')).res.headers['x-cache']).toBe('HIT');
    expect((await read('/')).res.body).toContain('<p><a href="/mirrors">عناوين بديلة</a></p>');

    const rss = parseXml((await read('/rss.xml')).res.body).rss.channel;
    expect(rss['atom:link']).toEqual([
      { '@_href': 'http://news.example/rss.xml', '@_rel': 'self', '@_type': 'application/rss+xml' },
      {
        '@_href': 'https://mirror.example/',
        '@_rel': 'alternate',
        '@_type': 'text/html',
        '@_title': 'مرآة أوروبا',
      },
      { '@_href': IPNS, '@_rel': 'alternate', '@_type': 'text/html' },
    ]);
    const atom = parseXml((await read('/atom.xml')).res.body).feed;
    expect(atom.link).toEqual([
      { '@_rel': 'alternate', '@_href': 'http://news.example/' },
      { '@_rel': 'self', '@_href': 'http://news.example/atom.xml' },
      { '@_rel': 'related', '@_href': 'https://mirror.example/', '@_title': 'مرآة أوروبا' },
      { '@_rel': 'related', '@_href': IPNS },
    ]);
    const json = JSON.parse((await read('/feed.json')).res.body) as Record<string, unknown>;
    expect(json._mirrors).toEqual({
      about: 'http://news.example/mirrors',
      mirrors: [{ url: 'https://mirror.example/', title: 'مرآة أوروبا' }, { url: IPNS }],
    });
  });

  it("carries them in the newsletter's footer", async () => {
    const deps = {
      database: site.database,
      now: () => NOW,
      site: editionMailSite(loadConfig({ MIDAD_BASE_URL: 'https://news.example' })),
    };
    const id = await createEditionDraft(deps, staff.editor);
    const { html, text } = await previewEditionMail(deps, staff.editor, id);
    expect(html).toContain('إن حُجب موقعنا فاقرأ أخبارنا من: <a href="https://mirror.example/"');
    expect(html).toContain(`عبر Tor: <a href="http://${ONION}/" dir="ltr"`);
    expect(text.trimEnd().split('\n').slice(-4)).toEqual([
      'إن حُجب موقعنا فاقرأ أخبارنا من:',
      'مرآة أوروبا: https://mirror.example/',
      IPNS,
      `عبر Tor: http://${ONION}/`,
    ]);
  });

  it('drops Onion-Location, the footer link and the feed links at once when cleared', async () => {
    expect((await read(ARTICLE)).fast).toBe(true);
    const cleared = await admin.post('/admin/mirrors', { onion: '' });
    expect(cleared.headers.location).toBe('/admin/mirrors?notice=mirrors-saved');
    expect(await stored()).toBeNull();
    const after = await read(ARTICLE);
    expect([after.res.status, after.res.headers['x-cache'], after.fast]).toEqual([
      200,
      'MISS',
      false,
    ]);
    expect(after.res.headers['onion-location']).toBeUndefined();
    const hit = await read(ARTICLE);
    expect([hit.fast, hit.res.headers['onion-location']]).toEqual([true, undefined]);
    const home = (await read('/')).res.body;
    expect(home).not.toContain('href="/mirrors"');
    expect((await read('/rss.xml')).res.body).not.toContain('mirror.example');
    expect((await read('/mirrors')).res.body).toContain(
      '<p class="empty">لا عناوين بديلة لهذا الموقع بعد.</p>',
    );
  });
});
