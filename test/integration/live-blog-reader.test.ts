/**
 * What readers get of a live article (issue 19): its page after updates
 * are posted through the live coverage service, older pages, and the event
 * stream `GET /live/<id>/events` (404s, replay after Last-Event-ID or
 * ?after=, arriving updates, the ended state).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleId } from '../../src/domain/article-id.js';
import type { Actor } from '../../src/domain/roles.js';
import { createDraft, saveArticle } from '../../src/services/edit-article.js';
import {
  endLiveCoverage,
  postLiveUpdate,
  startLiveCoverage,
  deleteLiveUpdate,
  editLiveUpdate,
} from '../../src/services/live-coverage.js';
import { moveArticle } from '../../src/services/move-article.js';
import { describeEachDialect } from '../helpers/dialects.js';
import { openStream, type StreamClient } from '../helpers/event-stream-client.js';
import { content, createStaff, type Staff } from '../helpers/newsroom.js';
import { BROWSER, NOW, SEED_ID, testSite, type TestSite } from '../helpers/site.js';

/** The `update` events in a stream's text: [id, data]. */
function updates(
  text: string,
): Array<{ id: string; action: string; number: number; html: string | null }> {
  return [...text.matchAll(/event: update\nid: (\d+)\ndata: (.*)\n\n/g)].map((m) => ({
    id: m[1]!,
    ...(JSON.parse(m[2]!) as { action: string; number: number; html: string | null }),
  }));
}

describeEachDialect((dialect) => {
  let site: TestSite;
  let staff: Staff;
  let id: ArticleId;
  let origin: string;
  const streams: StreamClient[] = [];
  /** A clock that moves a minute with each post, so that updates have distinct times. */
  let clock = NOW.getTime() - 60 * 60_000;
  const deps = () => ({
    database: site.database,
    now: () => new Date((clock += 60_000)),
    onPublicChange: site.app.publicChange,
  });
  const get = (url: string, headers: Record<string, string> = {}) =>
    site.app.inject({ url, headers: { 'user-agent': BROWSER, ...headers } });
  const post = (actor: Actor, headline: string, over: { key?: boolean; pinned?: boolean } = {}) =>
    postLiveUpdate(deps(), actor, id, {
      headline,
      bodyHtml: `<p>${headline || 'نص بلا عنوان'}</p>`,
      key: over.key ?? false,
      pinned: over.pinned ?? false,
    });
  const open = async (path: string, headers: Record<string, string> = {}) => {
    const stream = await openStream(origin, path, headers);
    streams.push(stream);
    return stream;
  };
  const printed = (html: string) =>
    [...html.matchAll(/<article class="live-update[^"]*" id="update-(\d+)" data-number="\1"/g)].map(
      (m) => Number(m[1]),
    );

  beforeEach(async () => {
    site = await testSite({}, { dialect });
    staff = await createStaff(site.database, () => NOW);
    id = await createDraft(deps(), staff.editor);
    await saveArticle(
      deps(),
      staff.editor,
      id,
      content([staff.editor.id], { headline: 'زلزال في الشمال' }),
    );
    await moveArticle(deps(), staff.editor, id, 'publish');
    origin = await site.app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterEach(async () => {
    for (const stream of streams.splice(0)) stream.close();
    await site.close();
  });

  describe('the page', () => {
    it('shows posted updates, pinned first then newest first, and is made again after each post', async () => {
      await startLiveCoverage(deps(), staff.editor, id);
      await post(staff.author, 'الأول', { pinned: true });
      await post(staff.author, 'الثاني', { key: true });
      expect((await get(`/a/${id}`)).headers['x-cache']).toBe('MISS');
      expect((await get(`/a/${id}`)).headers['x-cache']).toBe('HIT');
      await post(staff.editor, '');

      const page = await get(`/a/${id}`);
      expect(page.headers['x-cache']).toBe('MISS');
      // A CDN keeps a live page 30 s at most, as this instance does (README), not the site's 60.
      expect(page.headers['cache-control']).toBe(
        'public, max-age=0, s-maxage=30, stale-while-revalidate=30',
      );
      expect((await get(`/a/${id}`)).headers['cache-control']).toBe(
        'public, max-age=0, s-maxage=30, stale-while-revalidate=30',
      );
      expect(printed(page.body)).toEqual([1, 3, 2]);
      expect(page.body).toContain('<span class="live-badge">مباشر</span>');
      expect(page.body).toContain('<a href="#update-2">الثاني</a>');
      expect(page.body).toContain(`data-live-events="/live/${id}/events" data-live-after="3"`);
      expect(page.body).toMatch(/<script src="\/assets\/live\.[0-9a-f]{10}\.js" defer><\/script>/);
      expect(page.body).toContain('"@type":"LiveBlogPosting"');
      // live.js is served under its fingerprinted address.
      const script = /src="(\/assets\/live\.[0-9a-f]{10}\.js)"/.exec(page.body)![1]!;
      const asset = await get(script);
      expect(asset.statusCode).toBe(200);
      expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    });

    it('pages a long blog at ?before=<n> and answers 404 to a bad or empty one', async () => {
      await startLiveCoverage(deps(), staff.editor, id);
      for (let n = 1; n <= 103; n++) await post(staff.author, `تحديث ${n}`);
      const first = await get(`/a/${id}`);
      expect(printed(first.body)).toEqual(Array.from({ length: 100 }, (_, i) => 103 - i));
      expect(first.body).toContain(`<a href="/a/${id}?before=4" rel="next">تحديثات أقدم</a>`);
      const older = await get(`/a/${id}?before=4`);
      expect(older.statusCode).toBe(200);
      expect(printed(older.body)).toEqual([3, 2, 1]);
      expect(older.body).not.toContain('data-live-events');
      for (const bad of ['0', '1', 'x', '-3', '99999999999'])
        expect((await get(`/a/${id}?before=${bad}`)).statusCode).toBe(404);
      expect((await get(`/a/${SEED_ID}?before=4`)).statusCode).toBe(404);
    });

    it('offers browser alerts only once the coverage ended: while live, its new-updates bar holds the foot of the screen', async () => {
      await startLiveCoverage(deps(), staff.editor, id);
      expect((await get(`/a/${id}`)).body).not.toContain('<template id="push-offer"');
      await endLiveCoverage(deps(), staff.editor, id);
      expect((await get(`/a/${id}`)).body).toContain(
        `<template id="push-offer" data-article="${id}"`,
      );
    });

    it('says the coverage ended and no longer loads live.js', async () => {
      await startLiveCoverage(deps(), staff.editor, id);
      await post(staff.author, 'الأخير');
      await endLiveCoverage(deps(), staff.editor, id);
      const page = await get(`/a/${id}`);
      expect(page.body).toContain(
        '<p class="live-status live-status--ended" data-live-status="ended">انتهت التغطية المباشرة في ',
      );
      expect(page.body).not.toContain('live.');
      expect(printed(page.body)).toEqual([1]);
      expect(page.body).toContain('"@type":"NewsArticle"');
      // Ended: the site's shared lifetime again.
      expect(page.headers['cache-control']).toBe(
        'public, max-age=0, s-maxage=60, stale-while-revalidate=60',
      );
    });
  });

  describe('public notes', () => {
    it('shows a correction saved with the article in the notes box, JSON-LD and the modified time', async () => {
      const page0 = await get(`/a/${id}`);
      expect(page0.body).not.toContain('id="notes"');
      await saveArticle(
        deps(),
        staff.editor,
        id,
        content([staff.editor.id], { headline: 'زلزال في الشمال' }),
        { note: { kind: 'correction', text: 'ورد في نسخة سابقة أن الزلزال بقوة 7 درجات.' } },
      );
      const page = await get(`/a/${id}`);
      expect(page.headers['x-cache']).toBe('MISS');
      expect(page.body).toMatch(
        /<li class="article-note article-note--correction" id="note-\d+"><strong class="article-note__kind">تصحيح:<\/strong> <span class="article-note__text">ورد في نسخة سابقة أن الزلزال بقوة 7 درجات.<\/span>/,
      );
      expect(page.body).toContain('<span class="article__modified">آخر تحديث: ');
      expect(page.body).toContain(
        '"correction":[{"@type":"CorrectionComment","text":"ورد في نسخة سابقة أن الزلزال بقوة 7 درجات.","datePublished":"',
      );
    });
  });

  describe('GET /live/<id>/events', () => {
    it('is 404 for an article never live, a draft, a static page id and a malformed id', async () => {
      expect((await get(`/live/${id}/events`)).statusCode).toBe(404);
      expect((await get(`/live/${SEED_ID}/events`)).statusCode).toBe(404);
      const draft = await createDraft(deps(), staff.editor);
      expect((await get(`/live/${draft}/events`)).statusCode).toBe(404);
      expect((await get('/live/abc/events')).statusCode).toBe(404);
    });

    it('sends the updates after Last-Event-ID, oldest first, then the ones posted while open', async () => {
      await startLiveCoverage(deps(), staff.editor, id);
      for (const h of ['واحد', 'اثنان', 'ثلاثة']) await post(staff.author, h);
      const stream = await open(`/live/${id}/events`, { 'last-event-id': '1' });
      expect(stream.status).toBe(200);
      expect(stream.headers['content-type']).toBe('text/event-stream; charset=utf-8');
      await stream.waitFor((text) => updates(text).length === 2);
      expect(updates(stream.text).map((u) => [u.id, u.action, u.number])).toEqual([
        ['2', 'posted', 2],
        ['3', 'posted', 3],
      ]);
      expect(updates(stream.text)[0]!.html).toMatch(
        new RegExp(
          `^<article class="live-update" id="update-2" data-number="2" aria-labelledby="update-2-headline">.*<a class="live-update__link" href="#update-2"`,
        ),
      );

      await post(staff.author, 'أربعة');
      await stream.waitFor((text) => updates(text).length === 3);
      const fourth = updates(stream.text)[2]!;
      expect([fourth.id, fourth.action, fourth.number]).toEqual(['4', 'posted', 4]);
      expect(fourth.html).toContain(
        '<h3 class="live-update__headline" id="update-4-headline">أربعة</h3>',
      );

      await editLiveUpdate(deps(), staff.author, id, 4, {
        headline: 'أربعة (معدّل)',
        bodyHtml: '<p>نص معدّل</p>',
        key: false,
        pinned: false,
      });
      await deleteLiveUpdate(deps(), staff.editor, id, 2);
      await stream.waitFor((text) => updates(text).length === 5);
      expect(
        updates(stream.text)
          .slice(3)
          .map((u) => [u.action, u.number, u.html === null]),
      ).toEqual([
        ['edited', 4, false],
        ['deleted', 2, true],
      ]);
      expect(updates(stream.text)[3]!.html).toContain('أربعة (معدّل)');
    });

    it('takes ?after=<n> when there is no Last-Event-ID, and replays at most 50 (the newest)', async () => {
      await startLiveCoverage(deps(), staff.editor, id);
      for (let n = 1; n <= 60; n++) await post(staff.author, `تحديث ${n}`);
      const stream = await open(`/live/${id}/events?after=3`);
      await stream.waitFor((text) => updates(text).length === 50);
      expect(updates(stream.text).map((u) => u.number)).toEqual(
        Array.from({ length: 50 }, (_, i) => 11 + i),
      );
      // Without either, nothing is replayed.
      const quiet = await open(`/live/${id}/events`);
      await quiet.waitFor((text) => text.startsWith('retry: '));
      expect(updates(quiet.text)).toEqual([]);
    });

    it('tells open pages that the coverage ended, and sends the ended state to a late reader, then closes', async () => {
      await startLiveCoverage(deps(), staff.editor, id);
      const stream = await open(`/live/${id}/events`);
      await stream.waitFor((text) => text.startsWith('retry: '));
      await endLiveCoverage(deps(), staff.editor, id);
      await stream.waitFor((text) => text.includes('event: state'));
      const state = JSON.parse(/event: state\ndata: (.*)\n/.exec(stream.text)![1]!) as {
        state: string;
        html: string;
      };
      expect(state.state).toBe('ended');
      expect(state.html).toMatch(
        /^<p class="live-status live-status--ended" data-live-status="ended">انتهت التغطية المباشرة في <time datetime="[^"]+"><bdi>[0-9:]+<\/bdi><\/time><\/p>$/,
      );

      const late = await open(`/live/${id}/events`);
      expect(late.status).toBe(200);
      await late.end;
      expect(late.text).toBe(`retry: 5000\n\nevent: state\ndata: ${JSON.stringify(state)}\n\n`);
      expect(site.app.eventStreams.subscribers(`a${id}`)).toBe(0);
    });

    it('closes every stream of the coverage after sending the ended state, and no other', async () => {
      const other = await createDraft(deps(), staff.editor);
      await saveArticle(
        deps(),
        staff.editor,
        other,
        content([staff.editor.id], { headline: 'آخر' }),
      );
      await moveArticle(deps(), staff.editor, other, 'publish');
      await startLiveCoverage(deps(), staff.editor, id);
      await startLiveCoverage(deps(), staff.editor, other);
      // Two clients that, unlike live.js, do not close their stream when told it ended.
      const readers = [await open(`/live/${id}/events`), await open(`/live/${id}/events`)];
      const elsewhere = await open(`/live/${other}/events`);
      for (const reader of [...readers, elsewhere]) await reader.waitFor((t) => t.length > 0);
      const hub = site.app.eventStreams;
      expect([hub.subscribers(`a${id}`), hub.subscribers(`a${other}`)]).toEqual([2, 1]);

      await endLiveCoverage(deps(), staff.editor, id);
      // Bounded, so that a stream left open fails here rather than at the test's timeout.
      const ended = Promise.all(readers.map((reader) => reader.end));
      await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, 5000))]);
      for (const reader of readers) {
        expect(reader.ended).toBe(true);
        expect(reader.text).toMatch(
          /^retry: 5000\n\nevent: state\ndata: \{"state":"ended","html":"<p class=\\"live-status live-status--ended\\"[^\n]*\}\n\n$/,
        );
      }
      expect([hub.subscribers(`a${id}`), hub.subscribers(`a${other}`), hub.size]).toEqual([
        0, 1, 1,
      ]);
      expect(elsewhere.ended).toBe(false);
      // The other coverage's stream still gets its updates.
      await postLiveUpdate(deps(), staff.author, other, {
        headline: 'ما زال مباشرا',
        bodyHtml: '<p>ما زال مباشرا</p>',
        key: false,
        pinned: false,
      });
      await elsewhere.waitFor((text) => updates(text).length === 1);
      expect(updates(elsewhere.text).map((u) => [u.action, u.number])).toEqual([['posted', 1]]);
    });
  });
});
