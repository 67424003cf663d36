import { arabicPhrase, wordsPattern } from './arabic-pattern.js';

/**
 * Boilerplate that a capture copies with the article's text: the site's
 * navigation bar, its copyright line, its comment policy and comment form,
 * the disclaimer that opinions are the writers' own, prompts to follow or
 * subscribe, and the cookie notice. Some of these are long enough to look
 * like body prose, so each kind is told by what it says, the way Arabic
 * news sites print it, and never by one word alone: a paragraph of news
 * that mentions comments, rights or Telegram stays in the body.
 */

/** A regex, tolerant of Arabic spellings (arabic-pattern.ts), matching any of `phrases` as whole words. */
function words(phrases: readonly string[]): RegExp {
  return new RegExp(wordsPattern(phrases), 'iu');
}

function wordCount(line: string): number {
  return line.split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** Longest line taken for a notice (copyright, prompt, policy): a longer one is prose. */
const MAX_NOTICE_WORDS = 40;

// Copyright: `© 2024 عنب بلدي`, `جميع الحقوق محفوظة لموقع أنا برس 2020`.
const COPYRIGHT_SIGN = /©|\(c\)|copyright/iu;
const RIGHTS_RESERVED = words([
  'جميع الحقوق محفوظة',
  'كل الحقوق محفوظة',
  'الحقوق محفوظة',
  'جميع حقوق النشر محفوظة',
  'حقوق النشر محفوظة',
  'حقوق الطبع والنشر محفوظة',
  'حقوق الطبع محفوظة',
  'all rights reserved',
]);
/** What a copyright line holds besides the notice: the site's name and years. */
const MAX_COPYRIGHT_OTHER_WORDS = 6;

function isCopyright(line: string): boolean {
  const words = wordCount(line);
  if (words > MAX_NOTICE_WORDS) return false;
  if (COPYRIGHT_SIGN.test(line)) return true;
  if (!RIGHTS_RESERVED.test(line)) return false;
  const rest = line.replace(new RegExp(RIGHTS_RESERVED.source, 'giu'), ' ');
  return wordCount(rest.replace(/[\d\u0660-\u0669]+/gu, ' ')) <= MAX_COPYRIGHT_OTHER_WORDS;
}

// Comment policies and forms: they speak to the reader about their comment.
const COMMENT_FORM = words([
  'سياسة التعليق',
  'سياسة التعليقات',
  'شروط التعليق',
  'قواعد التعليق',
  'اترك تعليقا',
  'أضف تعليقك',
  'اكتب تعليقك',
  'شاركنا رأيك',
  'لن يتم نشر عنوان بريدك الإلكتروني',
  'لن يتم نشر بريدك الإلكتروني',
  'الحقول الإلزامية',
  'الحقول المطلوبة',
  'احفظ اسمي',
  'تعليقاتكم',
  'بتعليقاتكم',
  'تعليقك',
]);
const COMMENT_WORD = new RegExp(`${arabicPhrase('تعليق')}`, 'u');
const ADDRESSES_READER = words([
  'يرجى',
  'الرجاء',
  'نرجو',
  'نرحب',
  'نحتفظ',
  'يحتفظ الموقع',
  'إدارة الموقع',
  'تخضع',
  'للمراجعة',
  'للإشراف',
  'المسيئة',
  'الخارجة عن',
]);

function isCommentPolicy(line: string): boolean {
  if (wordCount(line) > MAX_NOTICE_WORDS) return false;
  if (COMMENT_FORM.test(line)) return true;
  return COMMENT_WORD.test(line) && ADDRESSES_READER.test(line);
}

// "The articles express their writers' views, not the site's."
const EXPRESSES_VIEW = new RegExp(
  `${arabicPhrase('تعبر')}\\s+(?:${arabicPhrase('بالضرورة')}\\s+)?${arabicPhrase('عن')}\\s+(?:${arabicPhrase('رأي')}|${arabicPhrase('آراء')}|${arabicPhrase('وجهة نظر')})`,
  'u',
);
const VIEW_OWNER = words([
  'كاتبها',
  'كتابها',
  'أصحابها',
  'صاحبها',
  'كاتبيها',
  'الموقع',
  'الصحيفة',
  'الجريدة',
  'المجلة',
  'الشبكة',
  'هيئة التحرير',
  'أسرة التحرير',
]);

function isDisclaimer(line: string): boolean {
  return wordCount(line) <= MAX_NOTICE_WORDS && EXPRESSES_VIEW.test(line) && VIEW_OWNER.test(line);
}

// Follow, subscribe and download prompts: the site speaking of its own channels.
const OUR_CHANNEL = words([
  'تابعونا',
  'تابعنا على',
  'تابعنا عبر',
  'انضموا',
  'انضم الآن',
  'اشتركوا',
  'اشترك الآن',
  'اشترك في نشرتنا',
  'اشترك في النشرة',
  'اشترك في قناتنا',
  'قناتنا',
  'صفحتنا',
  'حسابنا',
  'حساباتنا',
  'نشرتنا',
  'تطبيقنا',
  'أخبارنا',
  'ليصلك',
  'ليصلكم',
  'لتصلك',
  'لتصلكم',
  'حمل تطبيق',
  'حمّل تطبيق',
  'نزل تطبيق',
  'اضغط هنا',
  'انقر هنا',
  'follow us',
  'subscribe',
]);
const CHANNEL = words([
  'فيسبوك',
  'فيس بوك',
  'تويتر',
  'إكس',
  'تلغرام',
  'تليغرام',
  'تيليجرام',
  'تليجرام',
  'واتساب',
  'واتس اب',
  'يوتيوب',
  'انستغرام',
  'إنستغرام',
  'انستجرام',
  'تيك توك',
  'منصات التواصل',
  'مواقع التواصل',
  'شبكات التواصل',
  'النشرة البريدية',
  'القائمة البريدية',
  'بريدك الإلكتروني',
  'غوغل نيوز',
  'جوجل نيوز',
  'أخبار غوغل',
  'أخبار جوجل',
  'أندرويد',
  'آيفون',
  'آي أو إس',
  'google play',
  'app store',
  'قناتنا',
  'نشرتنا',
  'تطبيقنا',
  'هنا',
  'facebook',
  'twitter',
  'telegram',
  'whatsapp',
  'youtube',
  'instagram',
  'google news',
]);
/** Prompts are short: a long line that names a channel is news about it. */
const MAX_PROMPT_WORDS = 25;

function isPrompt(line: string): boolean {
  return wordCount(line) <= MAX_PROMPT_WORDS && OUR_CHANNEL.test(line) && CHANNEL.test(line);
}

const COOKIES = words(['ملفات تعريف الارتباط', 'الكوكيز', 'ملفات الكوكيز', 'cookies']);
const SITE_USES = words(['هذا الموقع', 'موقعنا', 'نستخدم', 'يستخدم الموقع', 'سياسة الخصوصية']);

function isCookieNotice(line: string): boolean {
  return wordCount(line) <= MAX_NOTICE_WORDS && COOKIES.test(line) && SITE_USES.test(line);
}

// Navigation bars: a run of section names, on one line.
const SECTION_NAMES = [
  'الرئيسية',
  'الصفحة الرئيسية',
  'أخبار',
  'الأخبار',
  'آخر الأخبار',
  'عاجل',
  'سياسة',
  'اقتصاد',
  'اقتصاد وأعمال',
  'أعمال',
  'مال',
  'رياضة',
  'ثقافة',
  'ثقافة وفن',
  'فن',
  'فنون',
  'منوعات',
  'تكنولوجيا',
  'تقنية',
  'علوم',
  'صحة',
  'مجتمع',
  'محليات',
  'محلي',
  'عربي',
  'دولي',
  'عربي ودولي',
  'عالمي',
  'العالم',
  'رأي',
  'آراء',
  'مقالات',
  'مقالات الرأي',
  'فيديو',
  'فيديوهات',
  'صور',
  'تقارير',
  'تحقيقات',
  'حوارات',
  'مقابلات',
  'ملفات',
  'دراسات',
  'ترجمات',
  'كاريكاتير',
  'إنفوغراف',
  'انفوغرافيك',
  'بودكاست',
  'ملتيميديا',
  'وسائط متعددة',
  'المرأة',
  'أسرة',
  'شباب',
  'تعليم',
  'بيئة',
  'سياحة',
  'سيارات',
  'حوادث',
  'طقس',
  'برامج',
  'الشرق الأوسط',
  'سوريا',
  'لبنان',
  'العراق',
  'مصر',
  'فلسطين',
  'الأردن',
  'الخليج',
  'اليمن',
  'ليبيا',
  'تونس',
  'الجزائر',
  'المغرب',
  'السودان',
  'تركيا',
  'من نحن',
  'اتصل بنا',
  'سياسة الخصوصية',
  'شروط الاستخدام',
  'أعلن معنا',
  'للإعلان',
  'هيئة التحرير',
  'فريق العمل',
  'خريطة الموقع',
  'الأرشيف',
  'وظائف',
];
/** A section name, as written with or without the article and with a leading `و`. */
const SECTION_NAME = new RegExp(
  `(?<![\\p{L}\\p{M}\\p{N}])(?:${arabicPhrase('و')})?(?:${arabicPhrase('ال')})?(?:${[
    ...SECTION_NAMES,
  ]
    .sort((a, b) => b.length - a.length)
    .map((name) => arabicPhrase(name.replace(/^ال/u, '')))
    .join('|')})(?![\\p{L}\\p{M}\\p{N}])`,
  'giu',
);
/** Menu items printed with separators: `سياسة | اقتصاد | رياضة`. */
const ITEM_SEPARATOR = /\s*[|•·▪/\t]\s*|\s+[-–—]\s+/u;
const MIN_NAV_ITEMS = 4;
const MAX_NAV_ITEM_WORDS = 3;
/** Section names printed with spaces only: `الرئيسية سياسة اقتصاد رياضة ثقافة`. */
const MIN_NAV_NAMES = 5;

function isNavigationBar(line: string): boolean {
  const items = line.split(ITEM_SEPARATOR).filter((item) => item.trim() !== '');
  if (
    items.length >= MIN_NAV_ITEMS &&
    items.every((item) => wordCount(item) <= MAX_NAV_ITEM_WORDS && !/[.!?؟،,:]$/u.test(item))
  ) {
    return true;
  }
  return wordCount(line) >= MIN_NAV_NAMES && wordCount(line.replace(SECTION_NAME, ' ')) <= 1;
}

/**
 * True when `line` is site boilerplate, not part of an article.
 *
 * @example isBoilerplate('جميع الحقوق محفوظة © 2024 عنب بلدي') === true
 * @example isBoilerplate('الرئيسية سياسة اقتصاد رياضة ثقافة منوعات') === true
 * @example isBoilerplate('ورفض المتحدث التعليق على ما نشره الموقع.') === false
 */
export function isBoilerplate(line: string): boolean {
  return (
    isCopyright(line) ||
    isCommentPolicy(line) ||
    isDisclaimer(line) ||
    isPrompt(line) ||
    isCookieNotice(line) ||
    isNavigationBar(line)
  );
}
