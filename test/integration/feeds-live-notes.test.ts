/**
 * Feeds of an article with public notes and live coverage (issue 19): the
 * notes at the top of the item's content, the 20 newest updates linked to
 * `#update-<n>`, the modification dates following `modifiedAt` (not a
 * silent save), in full and excerpt feeds, and the feeds purged when a
 * live update is posted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleId } from '../../src/domain/article-id.js';
import { createDraft, saveArticle } from '../../src/services/edit-article.js';
import { moveArticle } from '../../src/services/move-article.js';
import type { DialectName } from '../../src/storage/database.js';
import { describeEachDialect } from '../helpers/dialects.js';
import {
  insertNote,
  insertUpdate,
  plusMinutes,
  setLive,
  setModifiedAt,
} from '../helpers/live-rows.js';
import { content, createStaff, type Staff } from '../helpers/newsroom.js';
import { BROWSER, NOW, SEED_ID, testSite, type TestSite } from '../helpers/site.js';
import { parseXml } from '../helpers/xml.js';

const ORIGIN = 'https://news.example';
/** When the live article was published: 10:00 UTC, 13:00 in Damascus. */
const T0 = new Date('2026-11-29T10:00:00.000Z');
const HEADLINE = 'مباشر: زلزال بقوة 6 درجات يضرب شمال سوريا';
const SLUG = 'مباشر-زلزال-بقوة-6-درجات-يضرب-شمال-سوريا';
const CORRECTION = 'ورد في نسخة سابقة أن قوة الزلزال 7 درجات، والصحيح أنها 6 درجات.';
const UPDATE_NOTE = 'أضيفت تصريحات وزير الصحة عن عدد المصابين.';

/** The notes block the items start with (times in Damascus, dual month names, Latin digits). */
const NOTES_HTML =
  '<div class="article-notes">' +
  '<p><strong>تصحيح (29 نوفمبر/ تشرين الثاني 2026، 13:30):</strong> ' +
  `${CORRECTION}</p>` +
  '<p><strong>تحديث (29 نوفمبر/ تشرين الثاني 2026، 13:45):</strong> ' +
  `${UPDATE_NOTE}</p>` +
  '</div>';

/** Update `n` was posted at 10:n UTC; odd ones have a headline; the last links the demo article. */
const updateBody = (n: number) =>
  n === 22 ? `<p>آخر تحديث: <a href="/a/${SEED_ID}">خبر سابق</a>.</p>` : `<p>نص التحديث ${n}.</p>`;
const updateHeadline = (n: number) => (n % 2 === 1 ? `عنوان التحديث ${n}` : '');

describeEachDialect((dialect: DialectName) => {
  let site: TestSite;
  let staff: Staff;
  let id: ArticleId;
  const at = (minutes: number) => () => plusMinutes(T0, minutes);
  const get = (url: string, headers: Record<string, string> = {}) =>
    site.app.inject({ url, headers: { 'user-agent': BROWSER, ...headers } });
  const articleUrl = () => `${ORIGIN}/a/${id}/${encodeURIComponent(SLUG)}`;
  /** The HTML of update `n` in a feed: its time linked to it, its headline, its body when `full`. */
  const updateHtml = (n: number, full: boolean) => {
    const minute = String(n).padStart(2, '0');
    return (
      '<div class="live-update">' +
      `<p><a href="${articleUrl()}#update-${n}">` +
      `<time datetime="2026-11-29T10:${minute}:00.000Z">29 نوفمبر/ تشرين الثاني 2026، 13:${minute}</time>` +
      '</a></p>' +
      (updateHeadline(n) === '' ? '' : `<h3>${updateHeadline(n)}</h3>`) +
      (full ? updateBody(n).replace(`href="/a/`, `href="${ORIGIN}/a/`) : '') +
      '</div>'
    );
  };
  /** Updates 22 down to 3: the 20 newest, newest first. */
  const NEWEST = Array.from({ length: 20 }, (_, i) => 22 - i);
  const leadHtml = (full: boolean) =>
    NOTES_HTML +
    '<div class="live-updates"><h2>آخر التحديثات</h2>' +
    NEWEST.map((n) => updateHtml(n, full)).join('') +
    '</div>';

  beforeAll(async () => {
    site = await testSite({}, { dialect });
    staff = await createStaff(site.database, at(0));
    id = await createDraft({ database: site.database, now: at(0) }, staff.editor);
    await saveArticle(
      { database: site.database, now: at(0) },
      staff.editor,
      id,
      content([staff.editor.id], {
        headline: HEADLINE,
        excerpt: 'تغطية مباشرة لزلزال شمال سوريا.',
        bodyHtml: '<p>ضرب زلزال شمال سوريا صباح اليوم.</p>',
        tags: ['زلزال'],
      }),
    );
    await moveArticle({ database: site.database, now: at(0) }, staff.editor, id, 'publish');
    await setLive(site.database, id, { state: 'live', startedAt: T0, next: 23 });
    for (let n = 1; n <= 22; n++) {
      await insertUpdate(site.database, id, {
        number: n,
        headline: updateHeadline(n),
        bodyHtml: updateBody(n),
        at: plusMinutes(T0, n),
        authorId: staff.author.id,
      });
    }
    await insertNote(site.database, id, {
      kind: 'correction',
      text: CORRECTION,
      at: plusMinutes(T0, 30),
      authorId: staff.editor.id,
    });
    await insertNote(site.database, id, {
      kind: 'update',
      text: UPDATE_NOTE,
      at: plusMinutes(T0, 45),
      authorId: staff.editor.id,
    });
    await setModifiedAt(site.database, id, plusMinutes(T0, 45));
    // A silent save at 12:00 (the test clock): updatedAt moves, modifiedAt does not.
    await saveArticle(
      { database: site.database, now: () => NOW },
      staff.editor,
      id,
      content([staff.editor.id], {
        headline: HEADLINE,
        excerpt: 'تغطية مباشرة لزلزال شمال سوريا.',
        bodyHtml: '<p>ضرب زلزال شمال سوريا صباح اليوم.</p>',
        tags: ['زلزال'],
      }),
    );
  });
  afterAll(async () => {
    await site.close();
  });

  describe('the full feeds', () => {
    it('RSS: the item starts with the notes, then the 20 newest updates, then the body', async () => {
      const res = await get('/rss.xml');
      expect(res.statusCode).toBe(200);
      const channel = parseXml(res.body).rss.channel;
      // The newest modifiedAt (10:45), not the silent save at 12:00.
      expect(channel.lastBuildDate).toBe('Sun, 29 Nov 2026 10:45:00 GMT');
      const item = channel.item[0];
      expect(item.guid['#text']).toBe(`${ORIGIN}/a/${id}`);
      expect(item.pubDate).toBe('Sun, 29 Nov 2026 10:00:00 GMT');
      expect(item['content:encoded']).toBe(
        leadHtml(true) + '<p>ضرب زلزال شمال سوريا صباح اليوم.</p>',
      );
      expect(item.description).toBe('تغطية مباشرة لزلزال شمال سوريا.');
    });

    it('Atom: updated is modifiedAt, for the entry and the feed', async () => {
      const feed = parseXml((await get('/atom.xml')).body).feed;
      expect(feed.updated).toBe('2026-11-29T10:45:00.000Z');
      const entry = feed.entry[0];
      expect(entry.id).toBe(`${ORIGIN}/a/${id}`);
      expect(entry.published).toBe('2026-11-29T10:00:00.000Z');
      expect(entry.updated).toBe('2026-11-29T10:45:00.000Z');
      expect(entry.content['#text']).toBe(
        leadHtml(true) + '<p>ضرب زلزال شمال سوريا صباح اليوم.</p>',
      );
      // The demo article, never modified: its publish time.
      expect(feed.entry[1].updated).toBe('2020-01-18T09:43:00.000Z');
    });

    it('JSON Feed: date_modified is modifiedAt and content_html starts with the lead', async () => {
      const feed = JSON.parse((await get('/feed.json')).body);
      const item = feed.items[0];
      expect(item.date_published).toBe('2026-11-29T10:00:00.000Z');
      expect(item.date_modified).toBe('2026-11-29T10:45:00.000Z');
      expect(item.content_html).toBe(leadHtml(true) + '<p>ضرب زلزال شمال سوريا صباح اليوم.</p>');
      expect(item.content_text).toBeUndefined();
    });

    it('carries no lead for an article with neither notes nor updates', async () => {
      const seed = parseXml((await get('/rss.xml')).body).rss.channel.item[1];
      expect(seed.guid['#text']).toBe(`${ORIGIN}/a/${SEED_ID}`);
      expect(seed['content:encoded']).not.toContain('article-notes');
      expect(seed['content:encoded']).not.toContain('live-update');
      expect(seed['content:encoded'].startsWith('<p')).toBe(true);
    });

    it("carries an ended coverage's updates too, and a tag feed the same item", async () => {
      await setLive(site.database, id, {
        state: 'ended',
        startedAt: T0,
        endedAt: plusMinutes(T0, 50),
        next: 23,
      });
      // Nothing told the cache: a tag feed not asked for yet is made now.
      const tag = parseXml((await get(`/tag/${encodeURIComponent('زلزال')}/rss.xml`)).body).rss
        .channel;
      expect(tag.item).toHaveLength(1);
      expect(tag.item[0]['content:encoded']).toBe(
        leadHtml(true) + '<p>ضرب زلزال شمال سوريا صباح اليوم.</p>',
      );
      await setLive(site.database, id, { state: 'live', startedAt: T0, next: 23 });
    });
  });

  describe('the cache', () => {
    it('labels the feeds with the article, so that a live update purges them', async () => {
      const first = await get('/feed.json');
      expect(String(first.headers['surrogate-key']).split(' ')).toEqual(
        expect.arrayContaining(['home', `a${id}`, `a${SEED_ID}`]),
      );
      expect((await get('/feed.json')).headers['x-cache']).toBe('HIT');
      await insertUpdate(site.database, id, {
        number: 23,
        headline: 'عاجل: هزة ارتدادية',
        bodyHtml: '<p>شعر السكان بهزة ارتدادية.</p>',
        at: plusMinutes(T0, 100),
        authorId: staff.author.id,
      });
      site.app.publicChange({ kind: 'live', articleId: id, action: 'posted', updateNumber: 23 });
      const after = await get('/feed.json');
      expect(after.headers['x-cache']).toBe('MISS');
      const item = JSON.parse(after.body).items[0];
      expect(item.content_html).toContain(
        `<p><a href="${articleUrl()}#update-23"><time datetime="2026-11-29T11:40:00.000Z">` +
          '29 نوفمبر/ تشرين الثاني 2026، 14:40</time></a></p><h3>عاجل: هزة ارتدادية</h3>' +
          '<p>شعر السكان بهزة ارتدادية.</p>',
      );
      // Still 20: update 3 left.
      expect(item.content_html.match(/class="live-update"/g)).toHaveLength(20);
      expect(item.content_html).not.toContain(`#update-3"`);
      await site.database.db.deleteFrom('live_updates').where('number', '=', 23).execute();
      site.app.publicChange({ kind: 'live', articleId: id, action: 'deleted', updateNumber: 23 });
    });
  });
});

describeEachDialect((dialect: DialectName) => {
  describe('an excerpt-only feed', () => {
    let site: TestSite;
    let id: ArticleId;
    beforeAll(async () => {
      site = await testSite({ MIDAD_FEED_CONTENT: 'excerpt' }, { dialect });
      const staff = await createStaff(site.database, () => T0);
      const deps = { database: site.database, now: () => T0 };
      id = await createDraft(deps, staff.editor);
      await saveArticle(
        deps,
        staff.editor,
        id,
        content([staff.editor.id], {
          headline: HEADLINE,
          excerpt: 'تغطية "مباشرة" & متواصلة.',
          bodyHtml: '<p>نص لا يظهر في الخلاصة.</p>',
        }),
      );
      await moveArticle(deps, staff.editor, id, 'publish');
      await setLive(site.database, id, { state: 'live', startedAt: T0, next: 2 });
      await insertUpdate(site.database, id, {
        number: 1,
        headline: 'عنوان التحديث 1',
        bodyHtml: '<p>نص التحديث لا يظهر في الخلاصة.</p>',
        at: plusMinutes(T0, 1),
        authorId: null,
      });
      await insertNote(site.database, id, {
        kind: 'correction',
        text: 'صُحّح اسم "المدينة" & المنطقة.',
        at: plusMinutes(T0, 30),
        authorId: null,
      });
      await setModifiedAt(site.database, id, plusMinutes(T0, 30));
    });
    afterAll(async () => {
      await site.close();
    });

    const lead = () =>
      '<div class="article-notes"><p><strong>تصحيح (29 نوفمبر/ تشرين الثاني 2026، 13:30):</strong> ' +
      'صُحّح اسم "المدينة" &amp; المنطقة.</p></div>' +
      '<div class="live-updates"><h2>آخر التحديثات</h2><div class="live-update">' +
      `<p><a href="${ORIGIN}/a/${id}/${encodeURIComponent(SLUG)}#update-1">` +
      '<time datetime="2026-11-29T10:01:00.000Z">29 نوفمبر/ تشرين الثاني 2026، 13:01</time></a></p>' +
      '<h3>عنوان التحديث 1</h3></div></div>' +
      '<p>تغطية &quot;مباشرة&quot; &amp; متواصلة.</p>';

    it('gives the notes and the updates without bodies, then the standfirst, in every format', async () => {
      const rss = parseXml((await site.app.inject('/rss.xml')).body).rss.channel.item[0];
      expect(rss['content:encoded']).toBe(lead());
      expect(rss.description).toBe('تغطية &quot;مباشرة&quot; &amp; متواصلة.');
      const atom = parseXml((await site.app.inject('/atom.xml')).body).feed.entry[0];
      expect(atom.content['#text']).toBe(lead());
      expect(atom.updated).toBe('2026-11-29T10:30:00.000Z');
      const json = JSON.parse((await site.app.inject('/feed.json')).body).items[0];
      expect(json.content_html).toBe(lead());
      expect(json.content_text).toBe('تغطية "مباشرة" & متواصلة.');
      expect(json.date_modified).toBe('2026-11-29T10:30:00.000Z');
    });

    it('leaves the content out of an item with neither notes nor updates', async () => {
      const seed = parseXml((await site.app.inject('/rss.xml')).body).rss.channel.item[1];
      expect(seed.guid['#text']).toBe(`${ORIGIN}/a/${SEED_ID}`);
      expect(seed['content:encoded']).toBeUndefined();
    });
  });
});
