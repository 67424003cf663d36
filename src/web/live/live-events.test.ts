import { describe, expect, it } from 'vitest';
import type { ArticleId } from '../../domain/article-id.js';
import type { LiveUpdate } from '../../domain/live-coverage.js';
import { testPageContext } from '../../../test/helpers/page-context.js';
import { formatEvent } from './event-stream.js';
import { parseUpdateNumber, stateEvent, updateEvent } from './live-events.js';

const ctx = testPageContext();
const ID = '42' as ArticleId;
const update: LiveUpdate = {
  id: '9',
  articleId: ID,
  number: 3,
  headline: 'عنوان "مهم" & عاجل',
  bodyHtml: '<p>سطر أول</p>\n<p>سطر ثانٍ</p>',
  author: null,
  key: false,
  pinned: false,
  createdAt: new Date('2026-11-29T11:58:00.000Z'),
  updatedAt: new Date('2026-11-29T11:58:00.000Z'),
};

describe('parseUpdateNumber', () => {
  it.each([
    ['7', 7],
    ['123456789', 123456789],
    ['1234567890', null],
    ['', null],
    ['-1', null],
    ['٣', null],
    ['3 ', null],
    [undefined, null],
  ])('reads %j as %j', (raw, expected) => {
    expect(parseUpdateNumber(raw)).toBe(expected);
  });
});

describe('the events of a live page', () => {
  it('sends a posted update as its page markup in one data line, with its number as id', () => {
    const event = updateEvent(ctx, 'posted', 3, update);
    expect(formatEvent(event)).toBe(
      'event: update\nid: 3\ndata: {"action":"posted","number":3,"html":"<article class=\\"live-update\\" id=\\"update-3\\" data-number=\\"3\\" aria-labelledby=\\"update-3-headline\\"><header class=\\"live-update__meta\\"><time class=\\"live-update__time\\" datetime=\\"2026-11-29T11:58:00.000Z\\" title=\\"29 تشرين الثاني 2026، 14:58\\"><bdi>14:58</bdi></time><a class=\\"live-update__link\\" href=\\"#update-3\\" aria-label=\\"رابط هذا التحديث\\" title=\\"رابط هذا التحديث\\">#</a></header><h3 class=\\"live-update__headline\\" id=\\"update-3-headline\\">عنوان &quot;مهم&quot; &amp; عاجل</h3><div class=\\"live-update__body article__text\\"><p>سطر أول</p>\\n<p>سطر ثانٍ</p></div></article>","key":null}\n\n',
    );
  });

  it('marks a pinned key update, and sends its entry of the key updates box', () => {
    const data = JSON.parse(
      updateEvent(ctx, 'edited', 3, { ...update, key: true, pinned: true, headline: '' }).data,
    ) as { action: string; html: string; key: string };
    expect(data.action).toBe('edited');
    expect(data.html).toMatch(
      /^<article class="live-update live-update--pinned live-update--key" id="update-3" data-number="3" data-pinned data-key>/,
    );
    expect(data.key).toBe(
      '<li data-number="3"><time class="live-key__time" datetime="2026-11-29T11:58:00.000Z" title="29 تشرين الثاني 2026، 14:58"><bdi>14:58</bdi></time> <a href="#update-3">سطر أول سطر ثانٍ</a></li>',
    );
  });

  it('sends a deleted update without markup', () => {
    expect(updateEvent(ctx, 'deleted', 5, null)).toEqual({
      event: 'update',
      id: '5',
      data: '{"action":"deleted","number":5,"html":null,"key":null}',
    });
  });

  it('sends the state with the badge or the ended banner', () => {
    const started = new Date('2026-11-29T08:00:00.000Z');
    expect(stateEvent(ctx, { state: 'live', startedAt: started, endedAt: null })).toEqual({
      event: 'state',
      data: '{"state":"live","html":"<p class=\\"live-status live-status--live\\" data-live-status=\\"live\\"><span class=\\"live-badge\\">مباشر</span></p>"}',
    });
    const ended = stateEvent(ctx, {
      state: 'ended',
      startedAt: started,
      endedAt: new Date('2026-11-29T11:00:00.000Z'),
    });
    expect(JSON.parse(ended.data)).toEqual({
      state: 'ended',
      html: '<p class="live-status live-status--ended" data-live-status="ended">انتهت التغطية المباشرة في <time datetime="2026-11-29T11:00:00.000Z"><bdi>14:00</bdi></time></p>',
    });
  });
});
