import { describe, expect, it } from 'vitest';
import { parseCapture } from './parse-capture.js';
import type { ImportWarning } from '../../services/import-warning.js';

/**
 * One small article with the lines between its headline and its body
 * varied: the shapes of date, zone, counter and link a tester found
 * misread, each checked on the whole parse.
 */
const HEADLINE = 'انقطاع الكهرباء عن مناطق واسعة في حلب بسبب عطل فني';
const PARAGRAPHS = [
  'تشهد مناطق واسعة من مدينة حلب انقطاعاً في التيار الكهربائي منذ صباح اليوم، بسبب عطل فني في إحدى محطات التحويل الرئيسية.',
  'وقالت المؤسسة إن ورشات الصيانة تعمل على إصلاح العطل، متوقعة عودة التيار خلال ساعات، فيما اشتكى سكان من تكرار الانقطاعات.',
  'وأكد سكان أن المولدات الخاصة باتت مصدرهم الوحيد للكهرباء في ساعات الذروة، مع ارتفاع أسعار الاشتراك الشهري.',
];
const LINK = 'https://halab.example/a/880001';

function page(meta: readonly string[], between: readonly string[] = []): Uint8Array {
  const [first = '', second = '', third = ''] = PARAGRAPHS;
  const lines = [HEADLINE, ...meta, '', first, '', second, ...between, '', third];
  return new TextEncoder().encode(lines.join('\n'));
}

describe('parseCapture never takes a date or counter line for the headline', () => {
  it.each([
    [['منذ 3 ساعات', LINK], 'منذ 3 ساعات'],
    [['قبل ساعتين', LINK], 'قبل ساعتين'],
    [['منذ يوم', LINK], 'منذ يوم'],
    [['منذ ٣ ساعات', LINK], 'منذ ٣ ساعات'],
  ])('reads %j as a relative time, with no date', (meta, relative) => {
    const capture = parseCapture(page(meta));

    expect(capture.headline).toBe(HEADLINE);
    expect(capture.date).toBeNull();
    expect(capture.time).toBeNull();
    expect(capture.warnings).toEqual([
      {
        code: 'CAPTURE_DATE_RELATIVE',
        message: `The capture gives only a relative time, "${relative}", not a date.`,
      },
    ]);
  });

  it.each([
    ['12 Mar 2024 10:00', { hour: 10, minute: 0 }],
    ['March 12, 2024', null],
    ['Tuesday, 12 March 2024 - 10:00 AM', { hour: 10, minute: 0 }],
    ['2024-03-12T10:00:00', { hour: 10, minute: 0 }],
  ])('reads the Latin-script date %s', (line, time) => {
    const capture = parseCapture(page([line, LINK]));

    expect(capture.headline).toBe(HEADLINE);
    expect(capture.date).toEqual({ year: 2024, month: 3, day: 12 });
    expect(capture.time).toEqual(time);
    expect(capture.warnings).toEqual([]);
  });

  it('reads an ISO time with offset and a view count in thousands', () => {
    const capture = parseCapture(page(['2024-03-12T10:00:00+03:00', '12 ألف مشاهدة']));

    expect(capture.headline).toBe(HEADLINE);
    expect(capture.date).toEqual({ year: 2024, month: 3, day: 12 });
    expect(capture.time).toEqual({ hour: 10, minute: 0 });
    expect(capture.timeZone).toBe('+03:00');
    expect(capture.views).toBe(12000);
  });

  it.each([
    'الثلاثاء 12 مارس',
    '12 ألف مشاهدة و30 تعليقا',
    'Tue 12 Mar',
    '٥ رمضان | 300 قراءة | 12 مشاركة',
  ])('skips the unread line %s, made only of dates and counters', (line) => {
    const capture = parseCapture(page([line, LINK]));

    expect(capture.headline).toBe(HEADLINE);
    expect(capture.paragraphs).toEqual(PARAGRAPHS);
  });

  it('does not take a date line at the top of the page for the headline', () => {
    const [first = '', second = '', third = ''] = PARAGRAPHS;
    const lines = ['الثلاثاء 12 مارس', HEADLINE, 'Tue 12 Mar', LINK, first, second, third];
    const capture = parseCapture(new TextEncoder().encode(lines.join('\n')));

    expect(capture.headline).toBe(HEADLINE);
    expect(capture.paragraphs).toEqual(PARAGRAPHS);
  });
});

describe('parseCapture reads the time zone printed with the time', () => {
  it.each<[string, string | null]>([
    ['12/03/2024 08:00 بتوقيت غرينتش', 'UTC'],
    ['12/03/2024 08:00 GMT', 'UTC'],
    ['12/03/2024 - 08:00 ت.غ', 'UTC'],
    ['12/03/2024 10:45 (توقيت مكة)', 'Asia/Riyadh'],
    ['الثلاثاء، 12 آذار/مارس 2024 - 08:05 بتوقيت دمشق', 'Asia/Damascus'],
    ['12 مارس 2024 | 10:00 بتوقيت القاهرة', 'Africa/Cairo'],
    ['12/03/2024 10:00 GMT+3', '+03:00'],
    ['2024-03-12T07:00:00Z', 'UTC'],
    ['12/03/2024 10:00', null],
  ])('reads %s', (line, timeZone) => {
    const capture = parseCapture(page([line, LINK]));

    expect(capture.timeZone).toBe(timeZone);
    expect(capture.date).toEqual({ year: 2024, month: 3, day: 12 });
    expect(capture.warnings).toEqual([]);
  });

  it('takes the zone printed with the time when the date is on another line', () => {
    const capture = parseCapture(
      page(['نشر في 12/3/2024', 'آخر تحديث: 12/3/2024 10:45 (توقيت مكة)']),
    );

    expect(capture.date).toEqual({ year: 2024, month: 3, day: 12 });
    expect(capture.time).toEqual({ hour: 10, minute: 45 });
    expect(capture.timeZone).toBe('Asia/Riyadh');
  });
});

describe('parseCapture says why it has no date', () => {
  it.each([
    ['31/02/2024', '31/02/2024'],
    ['30 فبراير 2024', '30 فبراير 2024'],
    ['نشر في: ٣١/٠٤/٢٠٢٤ - ١٠:٠٠', '٣١/٠٤/٢٠٢٤'],
  ])('quotes the printed date %s that does not exist', (line, printed) => {
    const capture = parseCapture(page([line, LINK]));

    expect(capture.headline).toBe(HEADLINE);
    expect(capture.date).toBeNull();
    expect(capture.warnings).toEqual([
      {
        code: 'CAPTURE_DATE_IMPOSSIBLE',
        message: `The printed date "${printed}" does not exist, so the date is left empty.`,
      },
    ]);
  });

  it('does not warn about an impossible date when another line gives a real one', () => {
    const capture = parseCapture(page(['31/02/2024', '12 مارس 2024', LINK]));

    expect(capture.date).toEqual({ year: 2024, month: 3, day: 12 });
    expect(capture.warnings).toEqual([]);
  });
});

describe('parseCapture reads view counters in words and abbreviations', () => {
  it.each([
    ['مشاهدة واحدة', 1],
    ['مشاهدتان', 2],
    ['12 ألف مشاهدة', 12000],
    ['المشاهدات: 1.2 ألف', 1200],
    ['1.2K مشاهدة', 1200],
    ['1,2K views', 1200],
    ['3 مليون مشاهدة', 3000000],
    ['عدد القراءات: 3M', 3000000],
    ['١٫٢ ألف مشاهدة', 1200],
  ])('reads %s', (line, views) => {
    const capture = parseCapture(page([line, LINK]));

    expect(capture.views).toBe(views);
    expect(capture.headline).toBe(HEADLINE);
  });
});

describe('parseCapture turns the number in the link into an id', () => {
  it.each<[string, string | null, ImportWarning[]]>([
    ['https://halab.example/a/000123', '123', []],
    ['https://halab.example/a/9223372036854775807', '9223372036854775807', []],
    [
      'https://halab.example/a/0',
      null,
      [
        {
          code: 'CAPTURE_LINK_NUMBER_UNUSABLE',
          message:
            'The number in the article link https://halab.example/a/0 cannot be used as an id, so it gets a new id.',
        },
      ],
    ],
    [
      'https://halab.example/a/9223372036854775808',
      null,
      [
        {
          code: 'CAPTURE_LINK_NUMBER_UNUSABLE',
          message:
            'The number in the article link https://halab.example/a/9223372036854775808 cannot be used as an id, so it gets a new id.',
        },
      ],
    ],
  ])('reads %s', (link, id, warnings) => {
    const capture = parseCapture(page(['12 مارس 2024', link]));

    expect(capture.shortLink).toBe(link);
    expect(capture.id).toBe(id);
    expect(capture.warnings).toEqual(warnings);
  });

  it('says that a capture without a link gets a new id', () => {
    const capture = parseCapture(page(['12 مارس 2024']));

    expect(capture.id).toBeNull();
    expect(capture.warnings).toEqual([
      {
        code: 'CAPTURE_NO_LINK',
        message: 'The capture shows no link to the article, so it gets a new id.',
      },
    ]);
  });
});

describe('parseCapture places read-also lines printed one after another', () => {
  it.each([
    [['اقرأ أيضاً: خطة طوارئ لفصل الشتاء', 'اقرأ أيضاً: ارتفاع أسعار الأمبيرات']],
    [['اقرأ أيضاً: خطة طوارئ لفصل الشتاء', '', 'اقرأ أيضاً: ارتفاع أسعار الأمبيرات']],
    [['اقرأ أيضاً:', 'خطة طوارئ لفصل الشتاء', 'ارتفاع أسعار الأمبيرات']],
    [['اقرأ أيضاً: خطة طوارئ لفصل الشتاء', 'شاهد أيضاً: ارتفاع أسعار الأمبيرات']],
  ])('gives %j the same place', (between) => {
    const capture = parseCapture(page([LINK], between));

    expect(capture.readAlso).toEqual([
      { headline: 'خطة طوارئ لفصل الشتاء', afterParagraph: 2 },
      { headline: 'ارتفاع أسعار الأمبيرات', afterParagraph: 2 },
    ]);
    expect(capture.paragraphs).toEqual(PARAGRAPHS);
  });
});
