/**
 * «القرّاء الآن» and the newsroom's view figures against beacons sent
 * (issue 19): beacons with distinct readers and referrers go to the app,
 * the counter is flushed at pinned times, and the figures must be exactly
 * what was sent: per-minute totals, the top lists' order, the referrer
 * splits, the 24-hour column and the hourly chart; and old minutes go.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleId } from '../../src/domain/article-id.js';
import { createDraft, saveArticle } from '../../src/services/edit-article.js';
import { moveArticle } from '../../src/services/move-article.js';
import {
  articleViewHistory,
  readLiveReaders,
  viewsInLastDay,
} from '../../src/services/live-readers.js';
import { startSession } from '../../src/services/sessions.js';
import { addViews } from '../../src/storage/repositories/article-views.repository.js';
import { ensureSection } from '../../src/storage/repositories/sections.repository.js';
import { AdminClient } from '../helpers/admin-client.js';
import { describeEachDialect } from '../helpers/dialects.js';
import { content, createStaff, type Staff } from '../helpers/newsroom.js';
import { BROWSER, SEED_ID, testSite, type TestSite } from '../helpers/site.js';

const at = (iso: string) => new Date(`2026-11-29T${iso}Z`);
const FORM = 'application/x-www-form-urlencoded;charset=UTF-8';

describeEachDialect((dialect) => {
  let site: TestSite;
  let clock: Date;
  let staff: Staff;
  let sent = 0;
  const deps = () => ({ database: site.database, now: () => clock });

  beforeEach(async () => {
    clock = at('10:00:00');
    sent = 0;
    site = await testSite(
      { MIDAD_VIEW_MINUTES_RETENTION_HOURS: '2' },
      { dialect, now: () => clock },
    );
    staff = await createStaff(site.database, () => clock);
  });
  afterEach(() => site.close());

  async function publish(headline: string, sectionId: string | null): Promise<ArticleId> {
    const id = await createDraft(deps(), staff.editor);
    await saveArticle(
      deps(),
      staff.editor,
      id,
      content([staff.author.id], { headline, sectionId }),
    );
    await moveArticle(deps(), staff.editor, id, 'publish');
    return id;
  }

  /** One beacon from a new reader (its own address and browser), with `body` of `type`. */
  const beacon = (id: string, body?: { type: string; payload: string }) => {
    sent += 1;
    return site.app.inject({
      method: 'POST',
      url: `/views/${id}`,
      headers: {
        'user-agent': `${BROWSER} reader/${sent}`,
        ...(body ? { 'content-type': body.type } : {}),
      },
      ...(body ? { payload: body.payload } : {}),
      remoteAddress: `198.51.${Math.floor(sent / 200)}.${sent % 200}`,
    });
  };
  const from = (referrer: string) => ({
    type: FORM,
    payload: new URLSearchParams({ r: referrer }).toString(),
  });
  const times = async (n: number, send: () => Promise<{ statusCode: number }>) => {
    for (let i = 0; i < n; i++) expect((await send()).statusCode).toBe(204);
  };
  const flushAt = async (iso: string) => {
    clock = at(iso);
    return site.viewCounter.flush();
  };

  describe('readers now', () => {
    let a: ArticleId;
    let b: ArticleId;
    let c: ArticleId;
    const s = SEED_ID as ArticleId;

    beforeEach(async () => {
      const economy = await ensureSection(
        site.database.db,
        { slug: 'اقتصاد', name: 'اقتصاد' },
        clock,
      );
      a = await publish('الخبر الأول', economy.id);
      b = await publish('الخبر الثاني', null);
      c = await publish('الخبر الثالث', economy.id);

      // 11:40: A, 3 from search, 2 from social, 1 direct.
      clock = at('11:40:05');
      await times(2, () => beacon(a, from('https://www.google.com.eg/')));
      await times(1, () =>
        beacon(a, from('android-app://com.google.android.googlequicksearchbox/')),
      );
      await times(1, () => beacon(a, from('https://t.co/x1')));
      await times(1, () =>
        beacon(a, {
          type: 'text/plain;charset=UTF-8',
          payload: 'r=https%3A%2F%2Fl.facebook.com%2F',
        }),
      );
      await times(1, () => beacon(a, from('')));
      expect(await flushAt('11:40:40')).toBe(6);

      // 11:58: B, 4 from other sites; the seed, 2 without a body (an old reader.js).
      clock = at('11:58:01');
      await times(4, () => beacon(b, from('https://www.aljazeera.net/news/')));
      await times(2, () => beacon(s));
      expect(await flushAt('11:58:59')).toBe(6);

      // 12:00: A, 1 from search; B, 2 from WhatsApp's app; C, 5 direct, however they say it.
      clock = at('12:00:02');
      await times(1, () => beacon(a, from('https://www.bing.com/search?q=x')));
      await times(2, () => beacon(b, from('android-app://com.whatsapp/')));
      await times(1, () => beacon(c, from('https://news.example/s/1')));
      await times(1, () => beacon(c, { type: 'text/plain', payload: 'https://news.example/' }));
      await times(1, () => beacon(c, { type: FORM, payload: `r=${'x'.repeat(5000)}` }));
      await times(1, () => beacon(c, { type: 'application/json', payload: '{"r":' }));
      await times(1, () => beacon(c, { type: FORM, payload: '%%%r=%ZZ' }));
      expect(await flushAt('12:00:30')).toBe(8);
    });

    it('gives the exact per-minute totals, top lists and referrer splits', async () => {
      const figures = await readLiveReaders(deps(), clock);
      expect(figures.minute).toEqual(at('12:00:00'));
      const expected = new Array<number>(60).fill(0);
      expected[39] = 6; // 11:40
      expected[57] = 6; // 11:58
      expected[59] = 8; // 12:00
      expect(figures.perMinute).toEqual(expected);
      expect(figures.referrers).toEqual({ search: 4, social: 4, direct: 8, other: 4 });

      const rows = (window: 5 | 30) =>
        figures.top[window].map((r) => [r.article.id, r.views, r.referrers]);
      expect(rows(5)).toEqual([
        [b, 6, { search: 0, social: 2, direct: 0, other: 4 }],
        [c, 5, { search: 0, social: 0, direct: 5, other: 0 }],
        [s, 2, { search: 0, social: 0, direct: 2, other: 0 }],
        [a, 1, { search: 1, social: 0, direct: 0, other: 0 }],
      ]);
      expect(rows(30)).toEqual([
        [a, 7, { search: 4, social: 2, direct: 1, other: 0 }],
        [b, 6, { search: 0, social: 2, direct: 0, other: 4 }],
        [c, 5, { search: 0, social: 0, direct: 5, other: 0 }],
        [s, 2, { search: 0, social: 0, direct: 2, other: 0 }],
      ]);
      const sparkA = new Array<number>(30).fill(0);
      sparkA[9] = 6; // 11:40
      sparkA[29] = 1; // 12:00
      expect(figures.top[30][0]?.sparkline).toEqual(sparkA);
      expect(figures.top[30][0]?.article.section?.name).toBe('اقتصاد');
      expect(figures.top[30][1]?.article.section).toBeNull();

      // Later, only what was counted in each window is drawn.
      const later = await readLiveReaders(deps(), at('12:29:59'));
      expect(later.top[5]).toEqual([]);
      expect(later.top[30].map((r) => [r.article.id, r.views])).toEqual([
        [c, 5],
        [b, 2],
        [a, 1],
      ]);
      const hourLater = await readLiveReaders(deps(), at('12:40:00'));
      expect(hourLater.perMinute.reduce((x, y) => x + y, 0)).toBe(14);
      expect(hourLater.top[30]).toEqual([]);
    });

    it('shows the same figures on /admin/live to an editor, and refuses an author', async () => {
      const editor = new AdminClient(site.app);
      editor.cookies.set('midad_session', await startSession(deps(), staff.editor.id));
      const page = await editor.get('/admin/live');
      expect(page.statusCode).toBe(200);
      expect(page.headers['cache-control']).toBe('no-store');
      const order = (window: number) => {
        const part = page.body.split(`data-window="${window}"`)[1]?.split('</section>')[0] ?? '';
        return [...part.matchAll(/data-article="(\d+)"/g)].map((m) => m[1]);
      };
      expect(order(5)).toEqual([b, c, s, a]);
      expect(order(30)).toEqual([a, b, c, s]);
      expect(page.body).toContain(`href="/admin/articles/${a}/edit"`);
      expect(page.body).toContain(`href="/a/${a}"`);
      expect(page.body).toContain('<a href="/admin/live">القرّاء الآن</a>');
      expect((page.body.match(/<rect class="chart__bar"/g) ?? []).length).toBe(60);
      expect(page.body).not.toContain(' style=');

      const author = new AdminClient(site.app);
      author.cookies.set('midad_session', await startSession(deps(), staff.author.id));
      expect((await author.get('/admin/live')).statusCode).toBe(403);
      expect((await author.get('/admin')).body).not.toContain('href="/admin/live"');
      // A person who opens the events' address is sent to the page.
      const events = await editor.get('/admin/live/events');
      expect([events.statusCode, events.headers.location]).toEqual([303, '/admin/live']);
    });

    it("shows each article's views in the last 24 hours in the newsroom list", async () => {
      // 30 hours ago: outside the column.
      await addViews(
        site.database.db,
        new Map([[s, 40]]),
        new Date(at('06:00:00').getTime() - 24 * 3_600_000),
      );
      // 23 hours ago, in the hour 13:00 of the day before: inside.
      await addViews(
        site.database.db,
        new Map([[s, 3]]),
        new Date(at('13:10:00').getTime() - 24 * 3_600_000),
      );
      const draft = await createDraft(deps(), staff.editor);
      expect(await viewsInLastDay(deps(), [a, b, c, s, draft], clock)).toEqual(
        new Map([
          [a, 7],
          [b, 6],
          [c, 5],
          [s, 5],
        ]),
      );
      const editor = new AdminClient(site.app);
      editor.cookies.set('midad_session', await startSession(deps(), staff.editor.id));
      const list = await editor.get('/admin');
      const column = Object.fromEntries(
        [
          ...list.body.matchAll(
            /href="\/admin\/articles\/(\d+)\/edit"[\s\S]*?(?:data-views-24h="(\d+)"|<\/li>)/g,
          ),
        ].map((m) => [m[1], m[2] ?? null]),
      );
      expect(column).toEqual({ [a]: '7', [b]: '6', [c]: '5', [s]: '5', [draft]: null });
      expect(list.body).toContain('7 مشاهدة في 24 ساعة');
    });

    it("draws an article's views per hour since publication in its editor", async () => {
      const history = await articleViewHistory(
        { database: site.database, timeZone: 'Asia/Damascus' },
        a,
        at('10:00:00'),
        clock,
      );
      expect(history).toEqual({
        unit: 'hour',
        points: [
          { start: at('10:00:00'), views: 0 },
          { start: at('11:00:00'), views: 6 },
          { start: at('12:00:00'), views: 1 },
        ],
        total: 7,
      });
      const editor = new AdminClient(site.app);
      editor.cookies.set('midad_session', await startSession(deps(), staff.editor.id));
      const page = await editor.get(`/admin/articles/${a}/edit`);
      expect(page.statusCode).toBe(200);
      const panel = page.body.split('class="card article-views"')[1]?.split('</section>')[0] ?? '';
      expect((panel.match(/<rect class="chart__bar"/g) ?? []).length).toBe(3);
      expect(panel).toContain('<title>14:00: 6</title>');
      const draft = await createDraft(deps(), staff.editor);
      expect((await editor.get(`/admin/articles/${draft}/edit`)).body).not.toContain(
        'article-views',
      );
    });
  });

  it('deletes minutes older than the retention at most once every ten minutes, by the flush', async () => {
    const a = await publish('خبر', null);
    const minutes = async () =>
      (
        await site.database.db
          .selectFrom('article_view_minutes')
          .select(['minute', 'views'])
          .orderBy('minute')
          .execute()
      ).map((r) => [new Date(r.minute).toISOString(), Number(r.views)]);
    const old = (iso: string, views: number) =>
      addViews(site.database.db, new Map([[a, views]]), at(iso), {
        byReferrer: new Map([[a, { search: 0, social: 0, direct: views, other: 0 }]]),
      });
    await old('09:59:59', 1); // older than 2 hours at 12:00
    await old('10:00:00', 2); // not older
    clock = at('12:00:10');
    await beacon(a);
    await site.viewCounter.flush();
    expect(await minutes()).toEqual([
      ['2026-11-29T10:00:00.000Z', 2],
      ['2026-11-29T12:00:00.000Z', 1],
    ]);
    // 9 minutes later the minute 10:00 is too old, but the last deletion was too recent.
    clock = at('12:09:10');
    await beacon(a);
    await site.viewCounter.flush();
    expect((await minutes()).map((m) => m[0])).toEqual([
      '2026-11-29T10:00:00.000Z',
      '2026-11-29T12:00:00.000Z',
      '2026-11-29T12:09:00.000Z',
    ]);
    // Ten minutes after the last deletion, it goes.
    clock = at('12:10:10');
    await beacon(a);
    await site.viewCounter.flush();
    expect((await minutes()).map((m) => m[0])).toEqual([
      '2026-11-29T12:00:00.000Z',
      '2026-11-29T12:09:00.000Z',
      '2026-11-29T12:10:00.000Z',
    ]);
  });
});
