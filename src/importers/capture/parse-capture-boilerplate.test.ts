import { describe, expect, it } from 'vitest';
import { parseCapture } from './parse-capture.js';

/**
 * The seed's article (its real headline, paragraphs and "read also") laid
 * out as other Arabic news sites print theirs: with a navigation bar, a
 * most-read list, follow and subscribe prompts, a comment policy and
 * form, a disclaimer and a copyright line copied along with the text.
 */
const HEADLINE = 'توافق أمريكي تركي بخصوص وقف إطلاق النار في إدلب';
const PARAGRAPHS = [
  'أعلنت تركيا عن توافق الولايات المتحدة معها حول ضرورة الالتزام بوقف إطلاق النار في كل من ليبيا ومحافظة إدلب السورية.. وقالت الرئاسة التركية في بيان إن المتحدث باسمها "إبراهيم قالن": اتفق مع مستشار الأمن القومي الأمريكي "روبرت أوبراين" على أهمية الالتزام بوقف إطلاق النار في إدلب شمالي سوريا.',
  'كما بحث الجانبان بحسب البيان الذي صدر أمس الخميس مذكرة التفاهم الروسية التركية المبرمة في "سوتشي" بشأن المحافظة.. واتفق "قالن" و"أوبراين" على حث الأطراف الليبية لتنفيذ وقف إطلاق النار إضافة إلى مؤتمر برلين المقرر عقده في العاصمة الألمانية غداً.',
  'وكان الرئيس التركي رجب طيب أردوغان قد أعلن أمس أنه سيتم بحث ملف إدلب إلى جانب الملف الليبي في المؤتمر المقبل، مشيراً إلى عدم التزام نظام الأسد بالهدنة.',
  'وفي السياق ذاته أصدرت وزارة الخارجية الأمريكية أمس الجمعة بياناً بشأن خرق روسيا ونظام الأسد لاتفاق وقف إطلاق النار في إدلب شمال غربي سوريا.',
  'وأعربت المتحدثة الرسمية باسم وزارة الخارجية الأمريكية "مورغان أورتاغوس" عن حزن بلادها إزاء الأنباء الواردة من إدلب وسقوط مزيد من الضحايا المدنيين في المنطقة بين عشية وضحاها.',
  'وأكدت الولايات المتحدة في بيان لسفارتها في دمشق استعدادها لاتخاذ أقوى الإجراءات الدبلوماسية والاقتصادية ضد نظام الأسد وأيّ دولة أو فرد يساعده في أعماله الوحشية طالما أن الهجمات مستمرة في إدلب.',
  'جدير بالذكر أن مسؤولين في الخارجية الأمريكية عقدوا خلال اليومين الماضيين اجتماعات مكثفة مع قيادات في الفصائل الثورية والائتلاف الوطني السوري، أكدوا خلال الاجتماعات على اهتمام الولايات المتحدة بملف إدلب وأنها تعمل على وضع حد لانتهاكات روسيا ونظام الأسد فيها.',
];
const READ_ALSO = 'إدلب.. بين التصعيد الروسي والتصريحات الأمريكية الخجولة';
const MOST_READ = [
  'عميد كلية الطب بدمشق: أكثر من 150 ألف حالة إصابة بـ "كورونا" في دمشق وحدها',
  'ميشيل عون: وجود السوريين في لبنان "عبئاً كبيراً" .. ونطلب مساعدة "الهجرة الدولية" لإعادتهم',
  'آلاف العناصر من "داعش" لا يزالون يتحركون بحرية تامة بين سوريا والعراق',
];
const META = ['18/01/2020 11:43', 'http://anapress.net/a/258871304963183'];

function capture(lines: readonly string[]): Uint8Array {
  return new TextEncoder().encode(lines.join('\n'));
}

describe('parseCapture leaves the page boilerplate out of the body', () => {
  it('keeps the 7 real paragraphs of a page that copied 8 paragraphs of boilerplate with them', () => {
    const [p1 = '', p2 = '', p3 = '', p4 = '', p5 = '', p6 = '', p7 = ''] = PARAGRAPHS;
    const parsed = parseCapture(
      capture([
        'الرئيسية أخبار سوريا سياسة اقتصاد رياضة ثقافة منوعات تقارير مقالات الرأي فيديو',
        '',
        HEADLINE,
        ...META,
        '',
        p1,
        '',
        p2,
        '',
        'تابعونا على تلغرام وفيسبوك لمتابعة آخر الأخبار العاجلة لحظة بلحظة',
        '',
        p3,
        '',
        `أقرأ أيضا: ${READ_ALSO}`,
        '',
        p4,
        '',
        p5,
        '',
        'اشترك في نشرتنا البريدية ليصلك أهم ما ننشره كل صباح على بريدك الإلكتروني',
        '',
        p6,
        '',
        p7,
        '',
        'المقالات والتعليقات المنشورة تعبر عن رأي كاتبيها ولا تعبر بالضرورة عن رأي الموقع',
        '',
        'سياسة التعليقات: نرحب بتعليقاتكم ونرجو الالتزام بآداب الحوار وعدم استخدام الألفاظ المسيئة، وتخضع جميع التعليقات للمراجعة قبل نشرها.',
        '',
        'اترك تعليقاً',
        'لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *',
        'احفظ اسمي، بريدي الإلكتروني، والموقع الإلكتروني في هذا المتصفح لاستخدامها المرة المقبلة في تعليقي.',
        '',
        'الأكثر قراءة اليوم',
        '',
        ...MOST_READ,
        '',
        'من نحن | اتصل بنا | سياسة الخصوصية | شروط الاستخدام | أعلن معنا',
        'جميع الحقوق محفوظة لموقع أنا برس © 2020 - يمنع النسخ أو إعادة النشر دون إذن مسبق',
      ]),
    );

    expect(parsed.headline).toBe(HEADLINE);
    expect(parsed.paragraphs).toEqual(PARAGRAPHS);
    expect(parsed.readAlso).toEqual([{ headline: READ_ALSO, afterParagraph: 3 }]);
    expect(parsed.moreHeadlines).toEqual(MOST_READ);
    expect(parsed.warnings).toEqual([]);
  });

  it('keeps a most-read block that comes between the headline and the body out of the body', () => {
    const parsed = parseCapture(
      capture([
        HEADLINE,
        ...META,
        '',
        'الأخبار الأكثر قراءة | الأكثر مشاهدة',
        ...MOST_READ,
        '',
        ...PARAGRAPHS.flatMap((p) => [p, '']),
      ]),
    );

    expect(parsed.paragraphs).toEqual(PARAGRAPHS);
    expect(parsed.moreHeadlines).toEqual(MOST_READ);
  });
  it.each([
    ['between the headline and the body', [HEADLINE, ...META, '', '@LIST', '', '@BODY']],
    ['above the headline', ['@LIST', '', HEADLINE, ...META, '', '@BODY']],
    ['after the body', [HEADLINE, ...META, '', '@BODY', '', '@LIST']],
  ])('reads a most-read list with blank lines between its headlines %s', (_, layout) => {
    const parsed = parseCapture(
      capture(
        layout.flatMap((part) =>
          part === '@LIST'
            ? ['الأكثر قراءة', '', ...MOST_READ.flatMap((h) => [h, ''])]
            : part === '@BODY'
              ? PARAGRAPHS.flatMap((p) => [p, ''])
              : [part],
        ),
      ),
    );

    expect(parsed.headline).toBe(HEADLINE);
    expect(parsed.paragraphs).toEqual(PARAGRAPHS);
    expect(parsed.moreHeadlines).toEqual(MOST_READ);
  });
});

describe('parseCapture reads the inline read-also markers in their common forms', () => {
  it.each([
    [[`اقرأ أيضاً: ${READ_ALSO}`]],
    [[`أقرأ أيضا: ${READ_ALSO}`]],
    [[`إقرأ أيضًا ${READ_ALSO}`]],
    [[`اقرأ ايضاً - ${READ_ALSO}`]],
    [[`للمزيد: ${READ_ALSO}`]],
    [[`للمزيد اقرأ: ${READ_ALSO}`]],
    [[`شاهد أيضاً: ${READ_ALSO}`]],
    [[`طالع أيضاً: ${READ_ALSO}`]],
    [[`مواضيع ذات صلة: ${READ_ALSO}`]],
    [['مواضيع ذات صلة', READ_ALSO]],
    [['للمزيد:', '', READ_ALSO]],
    [['طالع أيضاً', `- ${READ_ALSO}`]],
  ])('between paragraphs 3 and 4: %j', (marker) => {
    const parsed = parseCapture(
      capture([
        HEADLINE,
        ...META,
        '',
        ...PARAGRAPHS.slice(0, 3).flatMap((p) => [p, '']),
        ...marker,
        '',
        ...PARAGRAPHS.slice(3).flatMap((p) => [p, '']),
      ]),
    );

    expect(parsed.paragraphs).toEqual(PARAGRAPHS);
    expect(parsed.readAlso).toEqual([{ headline: READ_ALSO, afterParagraph: 3 }]);
    expect(parsed.moreHeadlines).toEqual([]);
  });

  it('keeps a related block after the last paragraph as "more" headlines', () => {
    const parsed = parseCapture(
      capture([
        HEADLINE,
        ...META,
        '',
        ...PARAGRAPHS.flatMap((p) => [p, '']),
        'مواضيع ذات صلة',
        ...MOST_READ,
        '',
        'جميع الحقوق محفوظة © 2020',
      ]),
    );

    expect(parsed.paragraphs).toEqual(PARAGRAPHS);
    expect(parsed.readAlso).toEqual([]);
    expect(parsed.moreHeadlines).toEqual(MOST_READ);
  });

  it('keeps a paragraph that starts with للمزيد without a colon', () => {
    const sentence =
      'للمزيد من التفاصيل حول الاتفاق، نشرت الرئاسة التركية نص البيان كاملاً على موقعها الرسمي صباح اليوم.';
    const parsed = parseCapture(
      capture([HEADLINE, ...META, '', ...[...PARAGRAPHS, sentence].flatMap((p) => [p, ''])]),
    );

    expect(parsed.paragraphs).toEqual([...PARAGRAPHS, sentence]);
    expect(parsed.readAlso).toEqual([]);
  });
});
