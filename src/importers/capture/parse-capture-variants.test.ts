import { describe, expect, it } from 'vitest';
import { parseCapture } from './parse-capture.js';

/**
 * One small article, assembled with the page parts other sites print in
 * other words and orders, to check that the parser reads the kind of page
 * and not one file.
 */
const HEADLINE = 'انطلاق حملة وطنية لتشجير الغابات المتضررة من الحرائق';
const PARAGRAPHS = [
  'أطلقت وزارة الزراعة صباح اليوم حملة وطنية لتشجير الغابات التي تضررت من حرائق الصيف الماضي، بمشاركة متطوعين من مختلف المحافظات.',
  'وقال مدير الحراج في الوزارة إن الحملة تستهدف زراعة مليون غرسة من الأنواع المحلية المقاومة للجفاف خلال ثلاثة أشهر.',
  'وأضاف أن المشاتل الحكومية جهزت الغراس اللازمة، وأن فرقاً فنية ستتابع ريها ورعايتها حتى تثبت جذورها في التربة.',
  'ودعا المسؤول الأهالي إلى المشاركة في الحملة والإبلاغ عن أي تعديات على الأراضي الحرجية.',
];
const LINK = 'https://forest.example/a/7781';
const RELATED = [
  'افتتاح مشتل جديد للغراس الحراجية في الساحل',
  'الأرصاد تتوقع موسماً مطرياً جيداً هذا العام',
];

function page(parts: {
  top?: string[];
  meta?: string[];
  afterSecond?: string[];
  bottom?: string[];
}): Uint8Array {
  const [first = '', second = '', ...rest] = PARAGRAPHS;
  const lines = [
    ...(parts.top ?? []),
    '',
    HEADLINE,
    ...(parts.meta ?? ['18/01/2020 11:43', LINK]),
    '',
    first,
    '',
    second,
    '',
    ...(parts.afterSecond ?? []),
    '',
    ...rest.flatMap((paragraph) => [paragraph, '']),
    ...(parts.bottom ?? []),
  ];
  return new TextEncoder().encode(lines.join('\n'));
}

describe('parseCapture reads the parts of a page whatever words the site uses', () => {
  it.each([
    [['236', 'مشاهدة']],
    [['٢٣٦', '', 'مشاهدة']],
    [['مشاهدة 236']],
    [['236 مشاهدة']],
    [['عدد المشاهدات: 236']],
    [['المشاهدات ٢٣٦']],
    [['قراءة 236']],
    [['18 يناير 2020 | 11:43 ص | 236 مشاهدة']],
  ])('reads the view counter %j', (views) => {
    const capture = parseCapture(page({ meta: [...views, LINK] }));

    expect(capture.views).toBe(236);
    expect(capture.paragraphs).toEqual(PARAGRAPHS);
  });

  it.each([
    [['اقرأ أيضاً: خطة لحماية الغابات من الحرائق']],
    [['اقرأ أيضا خطة لحماية الغابات من الحرائق']],
    [['أقرأ أيضا: خطة لحماية الغابات من الحرائق']],
    [['إقرأ أيضا: خطة لحماية الغابات من الحرائق']],
    [['اقرأ ايضا: خطة لحماية الغابات من الحرائق']],
    [['اقرأ كذلك: خطة لحماية الغابات من الحرائق']],
    [['شاهد أيضا: خطة لحماية الغابات من الحرائق']],
    [['اقرأ أيضاً', 'خطة لحماية الغابات من الحرائق']],
    [['اقرأ أيضاً:', '', 'خطة لحماية الغابات من الحرائق']],
    [['اقرأ أيضاً: «خطة لحماية الغابات من الحرائق»']],
  ])('reads the read-also link %j', (readAlso) => {
    const capture = parseCapture(page({ afterSecond: readAlso }));

    expect(capture.readAlso).toEqual([
      { headline: 'خطة لحماية الغابات من الحرائق', afterParagraph: 2 },
    ]);
    expect(capture.paragraphs).toEqual(PARAGRAPHS);
  });

  it.each([
    'المزيد',
    'للمزيد',
    'الأكثر قراءة',
    'اقرأ المزيد',
    'أخبار ذات صلة',
    'مواضيع ذات صلة',
    'آخر الأخبار',
  ])('reads a %s block before the article and after the body', (heading) => {
    const before = parseCapture(page({ top: [heading, ...RELATED] }));
    const after = parseCapture(page({ bottom: [heading, ...RELATED, '', 'جميع الحقوق محفوظة'] }));

    for (const capture of [before, after]) {
      expect(capture.headline).toBe(HEADLINE);
      expect(capture.moreHeadlines).toEqual(RELATED);
      expect(capture.paragraphs).toEqual(PARAGRAPHS);
    }
  });

  it.each([
    [
      'السبت 18 كانون الثاني 2020 - 11:43',
      { year: 2020, month: 1, day: 18 },
      { hour: 11, minute: 43 },
    ],
    ['18 يناير 2020 | 11:43 م', { year: 2020, month: 1, day: 18 }, { hour: 23, minute: 43 }],
    ['نشر في: 18 جانفي 2020 - ١١:٤٣', { year: 2020, month: 1, day: 18 }, { hour: 11, minute: 43 }],
    ['2020-01-18 11:43', { year: 2020, month: 1, day: 18 }, { hour: 11, minute: 43 }],
  ])('reads the date printed with the time: %s', (line, date, time) => {
    const capture = parseCapture(page({ meta: [line, LINK] }));

    expect(capture.date).toEqual(date);
    expect(capture.time).toEqual(time);
    expect(capture.warnings).toEqual([]);
  });

  it('ignores page chrome around the headline and the body', () => {
    const capture = parseCapture(
      page({
        top: ['الرئيسية', 'شارك', 'طباعة'],
        meta: ['حجم الخط:', 'A+ A-', '18/01/2020 11:43', LINK, 'شارك عبر: فيسبوك | تويتر | واتساب'],
        afterSecond: ['شارك'],
        bottom: ['طباعة', 'A+ A-'],
      }),
    );

    expect(capture.headline).toBe(HEADLINE);
    expect(capture.paragraphs).toEqual(PARAGRAPHS);
    expect(capture.warnings).toEqual([]);
  });

  it('finds the headline when the page lists it in its own most-read block', () => {
    const capture = parseCapture(page({ bottom: ['الأكثر قراءة', RELATED[0] ?? '', HEADLINE] }));

    expect(capture.headline).toBe(HEADLINE);
    expect(capture.moreHeadlines).toEqual([RELATED[0]]);
  });

  it('does not take a pull quote repeated in the body for the headline', () => {
    const quote = 'لن نترك غاباتنا للنار مرة أخرى';
    const capture = parseCapture(page({ afterSecond: [quote, '', quote] }));

    expect(capture.headline).toBe(HEADLINE);
  });

  it('never invents a date: no date or time gives nulls', () => {
    const capture = parseCapture(page({ meta: [LINK] }));

    expect(capture.date).toBeNull();
    expect(capture.time).toBeNull();
    expect(capture.warnings).toEqual([]);
  });

  it('does not read a time mentioned in the body as the publish time', () => {
    const capture = parseCapture(
      page({ meta: [LINK], afterSecond: ['وصل الوزير عند الساعة 11:43 إلى موقع الحملة.'] }),
    );

    expect(capture.time).toBeNull();
  });

  it('reads the byline and section when the page shows them', () => {
    const capture = parseCapture(
      page({ top: ['الرئيسية » بيئة'], meta: ['بقلم: ريم خليل', '18/01/2020 11:43', LINK] }),
    );

    expect(capture.byline).toBe('ريم خليل');
    expect(capture.section).toBe('بيئة');
  });

  it('warns about a link without a numeric id', () => {
    const capture = parseCapture(
      page({ meta: ['18/01/2020 11:43', 'https://forest.example/news/trees'] }),
    );

    expect(capture.id).toBeNull();
    expect(capture.warnings).toEqual([
      {
        code: 'CAPTURE_LINK_WITHOUT_NUMBER',
        message:
          'The article link https://forest.example/news/trees has no numeric id, so it gets a new id.',
      },
    ]);
  });
});

describe('parseCapture tells the article apart from the page around it', () => {
  it('prefers the date printed with the article to the date in the page header', () => {
    const capture = parseCapture(page({ top: ['الأحد 23 شباط 2020', 'سياسة', 'اقتصاد'] }));

    expect(capture.date).toEqual({ year: 2020, month: 1, day: 18 });
  });

  it('takes the date above the headline when it is the only one', () => {
    const capture = parseCapture(page({ top: ['18 كانون الثاني 2020'], meta: [LINK] }));

    expect(capture.date).toEqual({ year: 2020, month: 1, day: 18 });
    expect(capture.time).toBeNull();
  });

  it('does not take the site tagline at the top for the headline', () => {
    const capture = parseCapture(page({ top: ['موقع إخباري سوري مستقل', '', 'سياسة', 'اقتصاد'] }));

    expect(capture.headline).toBe(HEADLINE);
  });

  it('takes a two-word title when the page repeats it next to the date', () => {
    const text = [
      'طقس الثلاثاء',
      '18/01/2020 11:43',
      'طقس الثلاثاء',
      '',
      'يكون الطقس مغيماً جزئياً على كامل البلاد، والريح من القطاع الشرقي قوية نسبياً قرب السواحل.',
      'وتتراوح درجات الحرارة القصوى بين 14 و19 درجة بالشمال وبين 20 و25 درجة بالجنوب.',
    ].join('\n');

    expect(parseCapture(new TextEncoder().encode(text)).headline).toBe('طقس الثلاثاء');
  });

  it('takes a two-word title printed right above the body', () => {
    const text = [
      'أنا برس',
      '',
      'صفات الأذكياء',
      'يحاول العلماء منذ عقود قياس الذكاء بطرق عدة، من بينها الاختبارات المعيارية ومتابعة التحصيل الدراسي.',
      'ويرى باحثون أن الفضول وحب التعلم من أبرز الصفات المشتركة بين الأذكياء في مختلف الأعمار.',
    ].join('\n');

    expect(parseCapture(new TextEncoder().encode(text)).headline).toBe('صفات الأذكياء');
  });
});
