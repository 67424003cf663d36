import { describe, expect, it } from 'vitest';
import type { WireItemFields } from '../storage/repositories/wire-items.repository.js';
import {
  copyReplaces,
  wireAgencyKey,
  wireSearchKeys,
  wireHeadline,
  wireStoryKey,
  withoutAgencyImages,
} from './wire-queue.js';

describe('the wire queue keys', () => {
  it('keys an agency by its name trimmed, spaces collapsed, in lower case', () => {
    expect(wireAgencyKey('  Agence   France-Presse ')).toBe('agence france-presse');
    expect(wireAgencyKey(' سانا ')).toBe('سانا');
  });

  it('gives one story key to a headline however it is spelt, and another to another agency', () => {
    const a = wireStoryKey('سانا', 'الأسد يستقبل وفداً اقتصادياً');
    expect(wireStoryKey('سانا', 'الاسد  يستقبل وفدا اقتصاديا.')).toBe(a);
    expect(wireStoryKey('afp', 'الأسد يستقبل وفداً اقتصادياً')).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });

  it('stores search keys with a space at each end, exact forms then stems', () => {
    expect(wireSearchKeys('الأسد في دمشق')).toBe(' الاسد في دمشق اسد في دمشق ');
    expect(wireSearchKeys('«»')).toBe('  ');
  });
});

describe('wireHeadline', () => {
  it('keeps a headline of 300 characters, and cuts a longer one at a word with …', () => {
    const fits = 'ب'.repeat(300);
    expect(wireHeadline(fits)).toBe(fits);
    const long = 'كلمة '.repeat(70).trim();
    expect(long.length).toBe(349);
    const cut = wireHeadline(long);
    expect(cut).toBe(`${'كلمة '.repeat(60).trim()}…`);
    expect(cut.length).toBe(300);
    // A word across the limit goes whole, and the comma before it too.
    const across = `${'ت'.repeat(295)}، مفاوضات طويلة`;
    expect(wireHeadline(across)).toBe(`${'ت'.repeat(295)}…`);
  });
});

describe('withoutAgencyImages', () => {
  it('removes images, pictures, figures and captions, counting the images', () => {
    expect(
      withoutAgencyImages(
        '<p>أ<img src="x" onerror="alert(1)"></p><figure><picture><source srcset="https://a.example/1.webp">' +
          '<img src="https://a.example/1.jpg" alt="صورة"></picture><figcaption>تعليق</figcaption></figure>' +
          '<figure><img src="https://a.example/2.jpg"><img src="https://a.example/3.jpg"></figure><p>ب</p>',
      ),
    ).toEqual({ html: '<p>أ</p><p>ب</p>', dropped: 4 });
  });

  it('drops the paragraphs and links left empty by the images, and keeps those with text', () => {
    expect(
      withoutAgencyImages(
        '<p>أ</p><p><img src="https://a.example/1.jpg"></p>' +
          '<p> <a href="https://a.example/"><img src="https://a.example/2.jpg"></a><br> </p>' +
          '<div><p><img src="https://a.example/3.jpg"></p></div>' +
          '<p><img src="https://a.example/4.jpg">ب</p><p></p>',
      ),
    ).toEqual({ html: '<p>أ</p><p>ب</p><p></p>', dropped: 4 });
  });

  it('leaves a body without images as it was, and drops a lone caption without counting it', () => {
    expect(withoutAgencyImages('<p>نص <b>خبر</b></p>')).toEqual({
      html: '<p>نص <b>خبر</b></p>',
      dropped: 0,
    });
    expect(withoutAgencyImages('<p>أ</p><figcaption>ت</figcaption>')).toEqual({
      html: '<p>أ</p>',
      dropped: 0,
    });
  });
});

describe('which copy of an item replaces the stored one', () => {
  const stored = {
    sourceId: '1',
    version: null,
    headline: 'عنوان',
    summary: '',
    bodyHtml: '<p>نص</p>',
    sentAt: new Date('2026-12-04T12:13:00Z'),
    timeEstimated: false,
    status: 'usable' as const,
  };
  const copy = (over: Partial<WireItemFields> = {}): WireItemFields => ({
    version: null,
    storyKey: 'k',
    headline: 'عنوان',
    slugline: '',
    byline: '',
    summary: '',
    bodyHtml: '<p>نص آخر</p>',
    bodyText: 'نص آخر',
    link: null,
    language: 'ar',
    subjects: [],
    sentAt: new Date('2026-12-04T12:13:00Z'),
    sentOffsetMinutes: 180,
    timeEstimated: false,
    searchKeys: ' ',
    status: 'usable',
    droppedImages: 0,
    ...over,
  });

  it('without versions: by content, then by the agency date, the first seen source winning ties', () => {
    expect(copyReplaces(stored, copy({ bodyHtml: '<p>نص</p>' }), '1')).toBe(false);
    expect(copyReplaces(stored, copy(), '1')).toBe(true);
    expect(copyReplaces(stored, copy(), '2')).toBe(false);
    expect(copyReplaces(stored, copy({ sentAt: new Date('2026-12-04T12:00:00Z') }), '1')).toBe(
      false,
    );
    expect(copyReplaces(stored, copy({ sentAt: new Date('2026-12-04T12:20:00Z') }), '2')).toBe(
      true,
    );
    expect(copyReplaces(stored, copy({ timeEstimated: true }), '2')).toBe(false);
    expect(copyReplaces(stored, copy({ timeEstimated: true }), '1')).toBe(true);
  });

  it('with versions: a newer one, or the same one with another status', () => {
    const v3 = { ...stored, version: 3 };
    expect(copyReplaces(v3, copy({ version: 4 }), '2')).toBe(true);
    expect(copyReplaces(v3, copy({ version: 3 }), '1')).toBe(false);
    expect(copyReplaces(v3, copy({ version: 3, status: 'canceled' }), '1')).toBe(true);
    expect(copyReplaces(v3, copy({ version: 2, status: 'canceled' }), '1')).toBe(false);
  });
});
