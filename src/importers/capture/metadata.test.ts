import { describe, expect, it } from 'vitest';
import { isViewsWord, numberAlone, parseMetadataLine } from './metadata.js';

describe('parseMetadataLine', () => {
  it.each([
    ['مشاهدة 236', 236],
    ['236 مشاهدة', 236],
    ['٢٣٦ مشاهدة', 236],
    ['عدد المشاهدات: 236', 236],
    ['المشاهدات ١٢٣', 123],
    ['قراءة 1,204', 1204],
    ['١٬٢٠٤ قراءة', 1204],
    ['عدد القراءات: 17', 17],
    ['236 views', 236],
  ])('reads the view counter in %s', (line, views) => {
    expect(parseMetadataLine(line)?.views).toBe(views);
  });

  it.each([
    ['كتب: سامر الحلبي', 'سامر الحلبي'],
    ['كتبت: ريم خليل', 'ريم خليل'],
    ['بقلم: د. منى عبد الرحمن', 'د. منى عبد الرحمن'],
    ['بقلم الدكتور منى عبد الرحمن', 'الدكتور منى عبد الرحمن'],
    ['إعداد: فريق التحرير', 'فريق التحرير'],
    ['اعداد - قسم الأخبار', 'قسم الأخبار'],
  ])('reads the byline in %s', (line, byline) => {
    expect(parseMetadataLine(line)?.byline).toBe(byline);
  });

  it.each([
    ['القسم: سياسة', 'سياسة'],
    ['التصنيف: أخبار محلية', 'أخبار محلية'],
  ])('reads the section in %s', (line, section) => {
    expect(parseMetadataLine(line)?.section).toBe(section);
  });

  it('reads a breadcrumb trail after الرئيسية', () => {
    expect(parseMetadataLine('الرئيسية » أخبار » سوريا')?.crumbs).toEqual(['أخبار', 'سوريا']);
    expect(parseMetadataLine('الرئيسية > سياسة')?.crumbs).toEqual(['سياسة']);
  });

  it.each([
    ['http://anapress.net/a/258871304963183', 'http://anapress.net/a/258871304963183'],
    ['الرابط المختصر: https://x.example/a/1', 'https://x.example/a/1'],
    ['رابط مختصر https://x.example/a/2.', 'https://x.example/a/2'],
  ])('reads the link in %s', (line, url) => {
    expect(parseMetadataLine(line)?.url).toBe(url);
  });

  it('reads several pieces on one line, chrome included', () => {
    expect(
      parseMetadataLine('كتب: سامر الحلبي | 18 يناير 2020 | 11:43 ص | 236 مشاهدة | شارك'),
    ).toEqual({
      when: {
        date: { year: 2020, month: 1, day: 18 },
        time: { hour: 11, minute: 43 },
        updated: false,
        timeZone: null,
        impossibleDate: null,
        relative: null,
        notes: [],
      },
      views: 236,
      url: null,
      byline: 'سامر الحلبي',
      section: null,
      crumbs: null,
    });
  });

  it.each([
    ['منذ 3 ساعات', { relative: 'منذ 3 ساعات', date: null }],
    ['2024-03-12T10:00:00+03:00', { timeZone: '+03:00', time: { hour: 10, minute: 0 } }],
    ['12 Mar 2024 10:00', { date: { year: 2024, month: 3, day: 12 } }],
    ['31/02/2024', { impossibleDate: '31/02/2024', date: null }],
  ])('reads the date line %s', (line, when) => {
    expect(parseMetadataLine(line)?.when).toMatchObject(when);
  });

  it('merges the zone and date of two pieces on one line', () => {
    expect(parseMetadataLine('12 مارس 2024 | 08:00 بتوقيت غرينتش')?.when).toMatchObject({
      date: { year: 2024, month: 3, day: 12 },
      time: { hour: 8, minute: 0 },
      timeZone: 'UTC',
    });
  });

  it('splits a byline from a date at a spaced dash', () => {
    const line = parseMetadataLine('كتب: سامر الحلبي - 18 يناير 2020');

    expect(line?.byline).toBe('سامر الحلبي');
    expect(line?.when?.date).toEqual({ year: 2020, month: 1, day: 18 });
  });

  it.each([
    ['prose that starts with كتب', 'كتب الرئيس رسالة إلى نظيره يدعوه فيها إلى زيارة البلاد قريبا'],
    [
      'a byline label followed by a sentence',
      'تقرير: ارتفاع أعداد الطلاب في المدارس الحكومية بنسبة 12 بالمئة هذا العام',
    ],
    ['a headline with a colon', 'ميشيل عون: وجود السوريين في لبنان "عبئاً كبيراً"'],
    ['a headline with a number', 'أكثر من 150 ألف حالة إصابة في دمشق وحدها'],
    ['a number alone', '236'],
    ['chrome alone', 'حجم الخط:'],
  ])('refuses %s', (_name, line) => {
    expect(parseMetadataLine(line)).toBeNull();
  });
});

describe('view counters split over two lines', () => {
  it('reads the number line and the word line', () => {
    expect(numberAlone('236')).toBe(236);
    expect(numberAlone('٢٣٦')).toBe(236);
    expect(numberAlone('1,204')).toBe(1204);
    expect(numberAlone('236 مشاهدة')).toBeNull();
    expect(isViewsWord('مشاهدة')).toBe(true);
    expect(isViewsWord('مشاهدات')).toBe(true);
    expect(isViewsWord('مشاهدة الفيديو')).toBe(false);
  });
});
