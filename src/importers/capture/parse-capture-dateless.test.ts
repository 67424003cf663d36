import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCapture, type ParsedCapture } from './parse-capture.js';

const FIXTURES = new URL('../../../test/fixtures/captures/', import.meta.url);

function parseFixture(name: string): ParsedCapture {
  return parseCapture(readFileSync(new URL(name, FIXTURES)));
}

function withoutParagraphs(capture: ParsedCapture): Omit<ParsedCapture, 'paragraphs'> {
  const rest: Partial<ParsedCapture> = { ...capture };
  delete rest.paragraphs;
  return rest as Omit<ParsedCapture, 'paragraphs'>;
}

describe('parseCapture on pages that print their time in other ways', () => {
  it('reads an Aleppo page: relative time, ١٫٢ ألف views, two read-also lines in a row', () => {
    const capture = parseFixture('aleppo-relative-time.txt');

    expect(withoutParagraphs(capture)).toEqual({
      headline: 'انقطاع الكهرباء عن أحياء واسعة في حلب بسبب عطل في محطة التحويل',
      shortLink: 'https://halab-now.example/news/880001',
      id: '880001',
      views: 1200,
      date: null,
      time: null,
      timeZone: null,
      readAlso: [
        { headline: 'مؤسسة الكهرباء تعلن برنامج تقنين جديد لفصل الشتاء', afterParagraph: 2 },
        { headline: 'ارتفاع أسعار الأمبيرات في أحياء حلب الشرقية', afterParagraph: 2 },
      ],
      moreHeadlines: ['افتتاح سوق شعبي جديد في حي الفرقان', 'عودة الرحلات الجوية بين حلب والشارقة'],
      byline: null,
      section: 'محليات',
      warnings: [
        {
          code: 'CAPTURE_DATE_RELATIVE',
          message: 'The capture gives only a relative time, "منذ 3 ساعات", not a date.',
        },
      ],
    });
    expect(capture.paragraphs).toHaveLength(3);
  });

  it('reads a Deir ez-Zor page: ISO time with offset, 12 ألف views, id with leading zeros', () => {
    const capture = parseFixture('euphrates-iso-offset.txt');

    expect(withoutParagraphs(capture)).toEqual({
      headline: 'افتتاح جسر جديد يربط ضفتي نهر الفرات في دير الزور',
      shortLink: 'https://furat-news.example/a/000123',
      id: '123',
      views: 12000,
      date: { year: 2024, month: 3, day: 12 },
      time: { hour: 10, minute: 0 },
      timeZone: '+03:00',
      readAlso: [],
      moreHeadlines: [],
      byline: null,
      section: null,
      warnings: [],
    });
    expect(capture.paragraphs).toHaveLength(3);
  });

  it('reads a Doha page: English month, بتوقيت غرينتش, 3.4K views, a date without year twice', () => {
    const capture = parseFixture('doha-english-date-gmt.txt');

    expect(withoutParagraphs(capture)).toEqual({
      headline: 'قطر تطلق برنامجاً وطنياً لتدريب الشباب على مهارات الذكاء الاصطناعي',
      shortLink: 'https://doha-news.example/article/77104',
      id: '77104',
      views: 3400,
      date: { year: 2024, month: 3, day: 12 },
      time: { hour: 8, minute: 0 },
      timeZone: 'UTC',
      readAlso: [],
      moreHeadlines: [],
      byline: null,
      section: null,
      warnings: [],
    });
    expect(capture.paragraphs).toHaveLength(3);
  });
});
