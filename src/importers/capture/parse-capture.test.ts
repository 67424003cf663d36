import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCapture, type ParsedCapture } from './parse-capture.js';

const FIXTURES = new URL('../../../test/fixtures/captures/', import.meta.url);

function parseFixture(name: string): ParsedCapture {
  return parseCapture(readFileSync(new URL(name, FIXTURES)));
}

/** The first two words of each paragraph: enough to see order and boundaries. */
function openings(capture: ParsedCapture): string[] {
  return capture.paragraphs.map((paragraph) => paragraph.split(' ').slice(0, 2).join(' '));
}

function withoutParagraphs(capture: ParsedCapture): Omit<ParsedCapture, 'paragraphs'> {
  const rest: Partial<ParsedCapture> = { ...capture };
  delete rest.paragraphs;
  return rest as Omit<ParsedCapture, 'paragraphs'>;
}

describe('parseCapture on the seed capture', () => {
  const seed = parseCapture(
    readFileSync(new URL('../../../demo/anapress-258871304963183.txt', import.meta.url)),
  );

  it('finds the headline that the page prints twice', () => {
    expect(seed.headline).toBe('توافق أمريكي تركي بخصوص وقف إطلاق النار في إدلب');
  });

  it('reads the short link and keeps its id exact as a string', () => {
    expect(seed.shortLink).toBe('http://anapress.net/a/258871304963183');
    expect(seed.id).toBe('258871304963183');
  });

  it('reads the view counter printed above the word مشاهدة', () => {
    expect(seed.views).toBe(236);
  });

  it('reads the time and leaves the date empty', () => {
    expect(seed.time).toEqual({ hour: 11, minute: 43 });
    expect(seed.date).toBeNull();
    expect(seed.timeZone).toBeNull();
    expect(seed.warnings).toEqual([]);
  });

  it('finds the eight body paragraphs and nothing else', () => {
    expect(seed.paragraphs).toHaveLength(8);
    expect(seed.paragraphs[0]).toMatch(/^أعلنت تركيا عن توافق الولايات المتحدة/);
    expect(seed.paragraphs[7]).toMatch(/^جدير بالذكر أن مسؤولين/);
    expect(seed.paragraphs[7]).toMatch(/ونظام الأسد فيها\.$/);
  });

  it('cleans the text: ordinary lam-alef, no no-break spaces, diacritics kept', () => {
    expect(seed.paragraphs[1]).toContain('العاصمة الألمانية غداً');
    expect(seed.paragraphs[2]).toContain('نظام الأسد بالهدنة');
    expect(seed.paragraphs[6]).toContain('وأيّ دولة');
    const everything = JSON.stringify(seed);
    expect(everything).not.toContain('\uFEF7');
    expect(everything).not.toContain('\u00A0');
  });

  it('keeps the misspelt أقرأ أيضا line out of the body, as a read-also after paragraph 3', () => {
    expect(seed.readAlso).toEqual([
      { headline: 'إدلب.. بين التصعيد الروسي والتصريحات الأمريكية الخجولة', afterParagraph: 3 },
    ]);
    expect(seed.paragraphs.some((paragraph) => paragraph.includes('أقرأ'))).toBe(false);
  });

  it('lists the eight headlines of the المزيد block in order', () => {
    expect(seed.moreHeadlines).toEqual([
      'واشنطن تؤكد استعدادها لدعم تركيا فيما يخص إدلب',
      'ميلشيا الحشد الشعبي العراقي يرسل مقاتليه إلى خطوط الجبهة في إدلب',
      'عميد كلية الطب بدمشق: أكثر من 150 ألف حالة إصابة بـ "كورونا" في دمشق وحدها',
      'بينهم قتلى من الحرس الثوري.. غارات على مواقع للميليشيات الإيرانية بدير الزور',
      'ميشيل عون: وجود السوريين في لبنان "عبئاً كبيراً" .. ونطلب مساعدة "الهجرة الدولية" لإعادتهم',
      'آلاف العناصر من "داعش" لا يزالون يتحركون بحرية تامة بين سوريا والعراق',
      'مشافي حلب تعاني من نفاد أكياس الجثث بسبب فيروس "كورونا"',
      'وفد المعارضة لـ "أنا برس": تم إلغاء أعمال اللجنة الدستورية بسبب اكتشاف 3 حالات بـ "كورونا"',
    ]);
  });

  it('has no byline or section, which the page does not show', () => {
    expect(seed.byline).toBeNull();
    expect(seed.section).toBeNull();
  });
});

describe('parseCapture on captures from other sites', () => {
  it('reads a CRLF Levantine page: month name with the time, byline, id above 2^53', () => {
    const capture = parseFixture('levant-crlf.txt');

    expect(withoutParagraphs(capture)).toEqual({
      headline: 'إعادة افتتاح سوق الزرب في حلب القديمة بعد انتهاء أعمال الترميم',
      shortLink: 'https://halab-today.example/a/9007199254740993',
      id: '9007199254740993',
      views: 1204,
      date: { year: 2020, month: 1, day: 18 },
      time: { hour: 11, minute: 43 },
      timeZone: null,
      readAlso: [
        {
          headline: 'ترميم قلعة حلب يدخل مرحلته الثالثة وسط نقص في التمويل',
          afterParagraph: 2,
        },
      ],
      moreHeadlines: [],
      byline: 'سامر الحلبي',
      section: null,
      warnings: [],
    });
    expect(openings(capture)).toEqual([
      'افتتحت مديرية',
      'وقال مدير',
      'وأضاف أن',
      'من جهتهم،',
      'ويعد سوق',
    ]);
    expect(capture.paragraphs.join('')).not.toMatch(/\r/);
    expect(capture.paragraphs[3]).toContain('عبّر عدد من التجار');
  });

  it('reads an Egyptian page: Arabic-Indic digits, 12-hour م, الأكثر قراءة after the body', () => {
    const capture = parseFixture('egypt-indic-12h.txt');

    expect(withoutParagraphs(capture)).toEqual({
      headline: 'بدء التشغيل التجريبي للمرحلة الجديدة من الخط الثالث لمترو القاهرة',
      shortLink: 'https://mahrousa.example/news/2021/01/18/73514',
      id: '73514',
      views: 236,
      date: { year: 2021, month: 1, day: 18 },
      time: { hour: 19, minute: 15 },
      timeZone: null,
      readAlso: [
        { headline: 'ارتفاع أسعار تذاكر المترو بداية من الشهر المقبل', afterParagraph: 2 },
      ],
      moreHeadlines: [
        'الأرصاد تحذر من شبورة مائية كثيفة صباح الغد على الطرق السريعة',
        'وزير التعليم يعلن موعد امتحانات نصف العام',
        'تراجع أسعار الذهب في السوق المحلية',
      ],
      byline: 'منى عبد الرحمن',
      section: 'اقتصاد',
      warnings: [],
    });
    expect(openings(capture)).toEqual([
      'بدأت الهيئة',
      'وأوضح مصدر',
      'وأشار المصدر',
      'ومن المتوقع',
      'يشار إلى',
    ]);
    expect(capture.paragraphs[0]).toContain('والتي تضم ٥ محطات');
  });

  it('reads a Maghrebi page: جويلية, related block before the article, two read-alsos', () => {
    const capture = parseFixture('maghreb-two-read-also.txt');

    expect(withoutParagraphs(capture)).toEqual({
      headline: 'وهران: دخول محطة تحلية المياه الجديدة حيز الخدمة',
      shortLink: 'https://wahran-info.example/?p=48213',
      id: '48213',
      views: 87,
      date: { year: 2021, month: 7, day: 5 },
      time: { hour: 9, minute: 30 },
      timeZone: null,
      readAlso: [
        {
          headline: 'وزارة الموارد المائية تعلن برنامجاً استعجالياً لفصل الصيف',
          afterParagraph: 2,
        },
        { headline: 'بالفيديو.. جولة داخل محطة التحلية الجديدة بوهران', afterParagraph: 4 },
      ],
      moreHeadlines: [
        'تدشين محطة جديدة لتحلية مياه البحر في ولاية مستغانم',
        'انطلاق موسم الاصطياف بشواطئ الغرب الجزائري',
        'وزارة الموارد المائية تعلن برنامجاً استعجالياً لفصل الصيف',
      ],
      byline: null,
      section: 'مجتمع',
      warnings: [],
    });
    expect(openings(capture)).toEqual([
      'دخلت محطة',
      'وأوضح مدير',
      'وأضاف المسؤول',
      'من جهتهم،',
      'وتندرج هذه',
    ]);
  });

  it('reads a Gulf page: ISO date, المشاهدات with Arabic-Indic digits, ligatures folded', () => {
    const capture = parseFixture('gulf-iso-date.txt');

    expect(withoutParagraphs(capture)).toEqual({
      headline: 'الأرصاد: أمطار رعدية غزيرة على معظم مناطق السلطنة حتى الخميس',
      shortLink: 'https://wadi-news.example/article/558812',
      id: '558812',
      views: 123,
      date: { year: 2022, month: 3, day: 9 },
      time: { hour: 14, minute: 5 },
      timeZone: null,
      readAlso: [],
      moreHeadlines: [
        'افتتاح طريق الباطنة الساحلي أمام حركة السير',
        'ارتفاع أعداد السياح القادمين إلى ظفار خلال موسم الخريف',
        'مسقط تستضيف ملتقى الشباب الخليجي الشهر المقبل',
      ],
      byline: 'فريق التحرير',
      section: null,
      warnings: [],
    });
    expect(openings(capture)).toEqual([
      'توقعت المديرية',
      'ودعت المديرية',
      'وأشارت إلى',
      'وفي السياق',
    ]);
    expect(capture.paragraphs[1]).toContain('والابتعاد عن المناطق');
    expect(capture.paragraphs[2]).toContain('والداخلية، مع احتمال');
    expect(capture.paragraphs[0]).toContain('للبَرَد');
  });

  it('reads a Jordanian page: day-first numeric date, ص, share chrome, two blocks deduplicated', () => {
    const capture = parseFixture('jordan-numeric-am.txt');

    expect(withoutParagraphs(capture)).toEqual({
      headline: 'نتائج التوجيهي تصدر الخميس المقبل والوزارة تنفي شائعات التسريب',
      shortLink: 'http://amman-sample.example/a/1188402',
      id: '1188402',
      views: 2315,
      date: { year: 2023, month: 7, day: 9 },
      time: { hour: 10, minute: 5 },
      timeZone: null,
      readAlso: [{ headline: 'خطوات الاستعلام عن نتائج التوجيهي إلكترونياً', afterParagraph: 3 }],
      moreHeadlines: [
        'الحكومة تقر نظام الامتحانات الجديد للثانوية العامة',
        '"التربية": 150 ألف طالب يتقدمون للامتحانات هذا العام',
        'ارتفاع نسب النجاح في الفرع العلمي',
        'جامعات رسمية تفتح باب القبول الموحد الشهر المقبل',
      ],
      byline: null,
      section: null,
      warnings: [],
    });
    expect(openings(capture)).toEqual([
      'أعلنت وزارة',
      'ونفى الناطق',
      'وأضاف أن',
      'ودعا الناطق',
      'وكان نحو',
    ]);
  });

  it('reads a Lebanese page: dual month name, no time, no link, an intertitle left out', () => {
    const capture = parseFixture('beirut-dual-month.txt');

    expect(withoutParagraphs(capture)).toEqual({
      headline: 'معرض بيروت العربي الدولي للكتاب يفتح أبوابه بمشاركة 130 دار نشر',
      shortLink: null,
      id: null,
      views: null,
      date: { year: 2022, month: 12, day: 12 },
      time: null,
      timeZone: null,
      readAlso: [],
      moreHeadlines: [
        'مهرجان للمسرح الجامعي في طرابلس الأسبوع المقبل',
        'إطلاق جائزة جديدة لأدب الشباب في لبنان',
      ],
      byline: null,
      section: null,
      warnings: [
        {
          code: 'CAPTURE_NO_LINK',
          message: 'The capture shows no link to the article, so it gets a new id.',
        },
        {
          code: 'CAPTURE_LINE_LEFT_OUT',
          message: 'A short line between body paragraphs was left out: "ندوات وتواقيع".',
        },
      ],
    });
    expect(openings(capture)).toEqual([
      'افتتح معرض',
      'وقالت رئيسة',
      'ويتضمن برنامج',
      'ويستمر المعرض',
    ]);
  });
});
