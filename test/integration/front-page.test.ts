/**
 * The header and front page settings (issue 17, parts 1–2), on SQLite and
 * PostgreSQL: saving them (every error at once, what changed), the home
 * page they make (lead, secondary leads, section blocks, opinion block
 * with its writers), the header of every page, and the page cache purged
 * when they change.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { ArticleId } from '../../src/domain/article-id.js';
import { NO_FRONT_PAGE_SETTINGS } from '../../src/domain/front-page-settings.js';
import { hasCode, InvalidInputs } from '../../src/lib/errors.js';
import {
  getSiteHeader,
  saveFrontPageSettings,
  type SaveFrontPageResult,
} from '../../src/services/front-page-settings.js';
import { getHomePage, HOME_BLOCK_SIZE } from '../../src/services/read-pages.js';
import { setSetting } from '../../src/storage/repositories/settings.repository.js';
import { listSectionNames } from '../../src/storage/repositories/sections.repository.js';
import { createSection } from '../../src/services/taxonomy.js';
import { AdminClient } from '../helpers/admin-client.js';
import { describeEachDialect } from '../helpers/dialects.js';
import { fillFrontPage, type FrontPageSeed } from '../helpers/front-page-site.js';
import { NOW, testSite, type TestSite } from '../helpers/site.js';

const EMPTY_FORM = {
  logoMediaId: '',
  menuSectionIds: [],
  blockSectionIds: [],
  opinionSectionId: '',
  secondary: ['', '', '', ''],
};

describeEachDialect((dialect) => {
  let site: TestSite;
  let seed: FrontPageSeed;
  let mediaDir: string;
  const deps = () => ({ database: site.database, now: () => NOW });

  beforeAll(async () => {
    mediaDir = mkdtempSync(join(tmpdir(), 'midad-front-'));
    site = await testSite({ MIDAD_MEDIA_DIR: mediaDir }, { demo: false, dialect });
    seed = await fillFrontPage(site.database, mediaDir);
  }, 120_000);
  afterAll(async () => {
    await site?.close();
    rmSync(mediaDir, { recursive: true, force: true });
  });
  beforeEach(() => setSetting(site.database.db, 'front_page', null));

  const ok = (result: SaveFrontPageResult) => result;
  const s = () => seed.sections;

  it('saves the choice, says what changed, and says nothing changed when saved again', async () => {
    const form = {
      ...EMPTY_FORM,
      logoMediaId: seed.logoId,
      menuSectionIds: [s().sport, s().politics],
      opinionSectionId: s().opinion,
    };
    const first = ok(await saveFrontPageSettings(deps(), seed.staff.administrator, form));
    expect(first.changed).toEqual(['logo', 'menu', 'opinion']);
    expect(first.settings).toEqual({
      ...NO_FRONT_PAGE_SETTINGS,
      logoMediaId: seed.logoId,
      menuSectionIds: [s().sport, s().politics],
      opinionSectionId: s().opinion,
    });
    const again = ok(await saveFrontPageSettings(deps(), seed.staff.administrator, form));
    expect(again.changed).toEqual([]);
    const header = await getSiteHeader(deps());
    expect(header.logo?.id).toBe(seed.logoId);
    expect(header.menu.map((m) => m.name)).toEqual(['رياضة', 'سياسة']);
  });

  it('finds every error at once and saves nothing', async () => {
    const politics = seed.articles.politics[0] ?? '';
    for (const name of ['منوعات', 'صحة', 'بيئة']) {
      await createSection(deps(), seed.staff.administrator, name).catch(() => undefined);
    }
    const nine = (await listSectionNames(site.database.db)).map((x) => x.id);
    expect(nine).toHaveLength(9);
    const refused = await saveFrontPageSettings(deps(), seed.staff.administrator, {
      logoMediaId: '99999',
      menuSectionIds: [s().sport, '99999'],
      blockSectionIds: nine,
      opinionSectionId: s().opinion,
      secondary: ['لا شيء', `https://news.example/a/${politics}/عنوان`, politics, '٩٩٩٩٩'],
    }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(InvalidInputs);
    const problems = refused instanceof InvalidInputs ? refused.problems : [];
    expect(problems.map((e) => [e.field, e.code])).toEqual([
      ['logo', 'MEDIA_NOT_FOUND'],
      ['menu', 'FRONT_PAGE_SECTION_UNKNOWN'],
      ['blocks', 'FRONT_PAGE_TOO_MANY'],
      ['secondary-1', 'FRONT_PAGE_ARTICLE_UNKNOWN'],
      ['secondary-3', 'FRONT_PAGE_ARTICLE_REPEATED'],
      ['secondary-4', 'FRONT_PAGE_ARTICLE_UNKNOWN'],
    ]);
    expect((await getSiteHeader(deps())).menu).toEqual([]);
  });

  it('lets only administrators choose', async () => {
    const refused = await saveFrontPageSettings(deps(), seed.staff.editor, EMPTY_FORM).catch(
      (error: unknown) => error,
    );
    expect(hasCode(refused, 'FORBIDDEN')).toBe(true);
  });

  it('builds the front page: lead, secondary leads, blocks in order without repeats, opinion with writers', async () => {
    const pinned = [seed.articles.culture[2], seed.articles.economy[3]] as ArticleId[];
    const newestFirst = (ids: string[]) => [...ids].sort((a, b) => Number(b) - Number(a));
    ok(
      await saveFrontPageSettings(deps(), seed.staff.administrator, {
        ...EMPTY_FORM,
        blockSectionIds: [s().economy, s().politics, s().tech],
        opinionSectionId: s().opinion,
        secondary: [pinned[0] ?? '', pinned[1] ?? '', '', ''],
      }),
    );
    const home = await getHomePage(deps(), NOW);
    // The newest article of all is the last opinion piece published: the lead is the newest.
    const newest = newestFirst(Object.values(seed.articles).flat());
    expect(home.lead?.id).toBe(newest[0]);
    // Pinned first, in order, then the next newest up to three.
    expect(home.secondary.map((a) => a.id)).toEqual([
      pinned[0],
      pinned[1],
      newest.find((id) => id !== newest[0] && !(pinned as string[]).includes(id)),
    ]);
    expect(home.blocks.map((b) => b.section.name)).toEqual(['اقتصاد', 'سياسة', 'تكنولوجيا']);
    const shownAbove = new Set<string | undefined>([
      home.lead?.id,
      ...home.secondary.map((a) => a.id),
    ]);
    for (const block of home.blocks) {
      expect(block.articles.length).toBeLessThanOrEqual(HOME_BLOCK_SIZE);
      expect(block.articles.every((a) => a.section?.id === block.section.id)).toBe(true);
      expect(block.articles.some((a) => shownAbove.has(a.id))).toBe(false);
    }
    expect(home.blocks[0]?.articles.map((a) => a.id)).toEqual(
      seed.articles.economy.filter((id) => !shownAbove.has(id)),
    );
    expect(home.opinion?.section.name).toBe('مقالات الرأي');
    const pieces = home.opinion?.items ?? [];
    expect(pieces.length).toBeGreaterThan(0);
    expect(pieces.every((p) => p.writer !== null && p.writer.name.length > 0)).toBe(true);
    // The writers' photos come with them (two writers of four have one).
    expect(pieces.some((p) => (p.writer?.photo ?? null) !== null)).toBe(true);
    expect(pieces.some((p) => p.writer?.photo === null)).toBe(true);
    expect(pieces.some((p) => shownAbove.has(p.article.id))).toBe(false);
  });

  it('reads the whole front page in a fixed number of queries, not one per article', async () => {
    ok(
      await saveFrontPageSettings(deps(), seed.staff.administrator, {
        ...EMPTY_FORM,
        blockSectionIds: [s().economy, s().politics, s().sport, s().culture],
        opinionSectionId: s().opinion,
        secondary: [seed.articles.tech[1] ?? '', '', '', ''],
      }),
    );
    let queries = 0;
    const counting = {
      ...site.database,
      db: site.database.db.withPlugin({
        transformQuery: (args) => {
          queries += 1;
          return args.node;
        },
        transformResult: (args) => Promise.resolve(args.result),
      }),
    };
    const home = await getHomePage({ database: counting }, NOW);
    expect(home.blocks).toHaveLength(4);
    expect(home.opinion?.items.length).toBeGreaterThan(0);
    // The latest, the most read (day, week, then all time: nothing was read), the lead's
    // pin and the settings (6); the pinned secondary leads (1); the blocks' sections and
    // the opinion section (2); one list per block and the opinion list (5); the writers'
    // bylines and their photos (2). More articles would not add one.
    expect(queries).toBe(6 + 1 + 2 + 5 + 2);
  });

  it('fills the secondary leads with the next newest when none is pinned, and shows no empty block', async () => {
    ok(
      await saveFrontPageSettings(deps(), seed.staff.administrator, {
        ...EMPTY_FORM,
        blockSectionIds: [s().culture],
      }),
    );
    const home = await getHomePage(deps(), NOW);
    expect(home.secondary).toHaveLength(3);
    expect(home.opinion).toBeNull();
    expect(home.blocks.map((b) => b.section.name)).toEqual(['ثقافة وفنون']);
  });

  it('serves the header and the front page, and purges the cached pages when the settings change', async () => {
    const before = await site.app.inject({ url: '/' });
    expect(before.body).not.toContain('class="masthead__logo"');
    const admin = new AdminClient(site.app);
    expect(
      (await admin.signIn('administrator@news.example', 'administrator password 1')).statusCode,
    ).toBe(303);
    const form = await admin.get('/admin/front-page');
    expect(form.statusCode).toBe(200);
    const saved = await admin.post('/admin/front-page', {
      logo: seed.logoId,
      menu: [s().politics, s().sport, s().economy],
      [`menu-order-${s().politics}`]: '2',
      [`menu-order-${s().sport}`]: '1',
      [`menu-order-${s().economy}`]: '3',
      block: [s().sport],
      opinion: s().opinion,
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/admin/front-page?saved=logo,menu,blocks,opinion');
    const notice = await admin.get(String(saved.headers.location));
    expect(notice.body).toContain(
      'حُفظ: الشعار، قائمة الأقسام، كتل الأقسام في الرئيسية، قسم الرأي.',
    );
    // The home page and an article page (cached before) show the new header at once.
    for (const url of ['/', `/a/${seed.articles.tech[0]}`]) {
      const page = (await site.app.inject({ url })).body;
      expect(page).toContain('class="masthead__logo"');
      const menu = [...page.matchAll(/<li><a href="\/section\/[^"]+"[^>]*>([^<]+)<\/a><\/li>/g)];
      expect(menu.map((m) => m[1])).toEqual(['رياضة', 'سياسة', 'اقتصاد']);
    }
    const section = (await site.app.inject({ url: '/section/رياضة' })).body;
    expect(section).toMatch(/<a href="\/section\/[^"]+" aria-current="page">رياضة<\/a>/);
    expect(section).not.toContain('<a href="/" aria-current="page">');
    const home = (await site.app.inject({ url: '/' })).body;
    expect(home).toMatch(/<a href="\/" aria-current="page">الرئيسية<\/a>/);
    expect(home).toMatch(/<section class="lead-story"[^]*?<img [^>]*fetchpriority="high"/);
    expect(home).toContain('<h2 class="front-block__title" id="opinion-heading">');
  });

  it('gives the lists the whole width when the front page has no section block and no opinion', async () => {
    const admin = new AdminClient(site.app);
    await admin.signIn('administrator@news.example', 'administrator password 1');
    await admin.get('/admin/front-page');
    // A block first, then none: a change, so the cached front page is purged.
    await admin.post('/admin/front-page', { block: [s().sport], opinion: '' });
    const saved = await admin.post('/admin/front-page', { opinion: '' });
    expect(saved.headers.location).toBe('/admin/front-page?saved=blocks');
    const home = (await site.app.inject({ url: '/' })).body;
    expect(home).toContain('<div class="front-body front-body--lists"><aside class="front-aside">');
    expect(home).not.toContain('class="front-main"');
  });

  it('shows every error of a refused form at once, next to each field, keeping what was typed', async () => {
    const admin = new AdminClient(site.app);
    await admin.signIn('administrator@news.example', 'administrator password 1');
    await admin.get('/admin/front-page');
    const res = await admin.post('/admin/front-page', {
      logo: '99999',
      'secondary-1': 'خبر',
      'secondary-2': '123456789',
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('لم يُحفظ شيء. صحّح ما يلي ثم احفظ:');
    expect(res.body).toContain('<a href="#fp-logo">هذه الصورة غير موجودة.</a>');
    expect(res.body).toContain('<a href="#fp-secondary-1">«خبر» ليس رقم مقال منشور ولا رابطه.</a>');
    expect(res.body).toContain(
      '<a href="#fp-secondary-2">«123456789» ليس رقم مقال منشور ولا رابطه.</a>',
    );
    expect(res.body).toMatch(
      /<input id="fp-secondary-1" type="text" name="secondary-1" value="خبر"/,
    );
    expect(res.body).not.toContain('class="notice"');
  });

  it('refuses a save without the form CSRF token, and changes nothing', async () => {
    const admin = new AdminClient(site.app);
    await admin.signIn('administrator@news.example', 'administrator password 1');
    const res = await admin.post('/admin/front-page', { _csrf: 'forged', menu: [s().sport] });
    expect(res.statusCode).toBe(403);
    expect((await getSiteHeader(deps())).menu).toEqual([]);
  });

  it("shows a menu section's first page even before its first article, and hides an empty section out of the menu", async () => {
    await createSection(deps(), seed.staff.administrator, 'أرشيف مصور');
    await createSection(deps(), seed.staff.administrator, 'تحقيقات خاصة');
    const names = await listSectionNames(site.database.db);
    const id = (name: string) => names.find((n) => n.name === name)?.id ?? '';
    await saveFrontPageSettings(deps(), seed.staff.administrator, {
      ...EMPTY_FORM,
      menuSectionIds: [id('أرشيف مصور')],
    });
    const inMenu = await site.app.inject({ url: `/section/${encodeURIComponent('أرشيف-مصور')}` });
    expect(inMenu.statusCode).toBe(200);
    expect(inMenu.body).toContain('<meta name="robots" content="noindex"');
    expect(inMenu.body).toContain('<p class="empty">');
    const page2 = await site.app.inject({
      url: `/section/${encodeURIComponent('أرشيف-مصور')}?page=2`,
    });
    expect(page2.statusCode).toBe(404);
    const outOfMenu = await site.app.inject({
      url: `/section/${encodeURIComponent('تحقيقات-خاصة')}`,
    });
    expect(outOfMenu.statusCode).toBe(404);
  });
});
