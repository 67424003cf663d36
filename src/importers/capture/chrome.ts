import { wordsPattern } from './arabic-pattern.js';

/**
 * Page chrome: the controls and share lists a capture copies along with the
 * article (`حجم الخط:`, `A+ A-`, `شارك`, `طباعة`, `فيسبوك تويتر واتساب`).
 * A line is chrome when nothing is left on it once these words, symbols and
 * punctuation are taken away.
 */
const CHROME_WORDS = [
  'حجم الخط',
  'تكبير الخط',
  'تصغير الخط',
  'الخط',
  'نسخ الرابط',
  'انسخ الرابط',
  'تم النسخ',
  'الرابط المختصر',
  'رابط مختصر',
  'ارسال لصديق',
  'أرسل لصديق',
  'شارك الخبر',
  'شارك المقال',
  'شارك على',
  'شارك عبر',
  'شارك',
  'مشاركة',
  'المشاركة',
  'طباعة',
  'اطبع',
  'حفظ',
  'ارسال',
  'تعليق',
  'تعليقات',
  'التعليقات',
  'أضف تعليق',
  'أضف تعليقا',
  'فيسبوك',
  'فيس بوك',
  'تويتر',
  'واتساب',
  'واتس اب',
  'واتسآب',
  'تلغرام',
  'تليغرام',
  'تيليجرام',
  'تليجرام',
  'لينكدإن',
  'لينكد إن',
  'انستغرام',
  'يوتيوب',
  'البريد الإلكتروني',
  'بريد إلكتروني',
  'تابعونا',
  'تابعنا',
  'على',
  'عبر',
  'الرئيسية',
  'جميع الحقوق محفوظة',
  'facebook',
  'twitter',
  'whatsapp',
  'telegram',
  'linkedin',
  'email',
  'e-mail',
  'print',
  'share',
  'copy link',
  'a',
];

const CHROME = new RegExp(wordsPattern(CHROME_WORDS), 'giu');
const SYMBOLS = /[\s\p{P}\p{S}]/gu;

/**
 * True when `line` holds only page chrome.
 *
 * @example isChromeLine('A+ A-') === true
 * @example isChromeLine('شارك: فيسبوك | تويتر | واتساب') === true
 */
export function isChromeLine(line: string): boolean {
  if (line.replace(SYMBOLS, '') === '') return line !== '';
  return line.replace(CHROME, ' ').replace(SYMBOLS, '') === '';
}
