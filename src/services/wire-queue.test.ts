import { describe, expect, it } from 'vitest';
import { wireAgencyKey, wireSearchKeys, wireStoryKey, withoutAgencyImages } from './wire-queue.js';

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
