import { describe, expect, it } from 'vitest';
import { isChromeLine } from './chrome.js';
import { isMoreHeading, listedHeadline, readAlsoRest } from './markers.js';

describe('readAlsoRest', () => {
  it.each([
    ['اقرأ أيضاً: عنوان الخبر', 'عنوان الخبر'],
    ['اقرأ أيضا: عنوان الخبر', 'عنوان الخبر'],
    ['أقرأ أيضا: عنوان الخبر', 'عنوان الخبر'],
    ['إقرأ أيضا عنوان الخبر', 'عنوان الخبر'],
    ['اقرأ ايضا - عنوان الخبر', 'عنوان الخبر'],
    ['اقرأ كذلك: عنوان الخبر', 'عنوان الخبر'],
    ['شاهد أيضا: عنوان الخبر', 'عنوان الخبر'],
    ['اقرأ أيضاً', ''],
    ['اقرأ أيضاً:', ''],
  ])('reads %s', (line, rest) => {
    expect(readAlsoRest(line)).toBe(rest);
  });

  it.each(['اقرأ المزيد', 'وقال إنه قرأ أيضا البيان', 'اقرأوا أيضا البيان كاملا'])(
    'ignores %s',
    (line) => {
      expect(readAlsoRest(line)).toBeNull();
    },
  );
});

describe('isMoreHeading', () => {
  it.each([
    'المزيد',
    'المزيد  ',
    'للمزيد',
    'الأكثر قراءة',
    'الاكثر قراءة:',
    'اقرأ المزيد',
    'أخبار ذات صلة',
    'مواضيع ذات صلة',
    'آخر الأخبار',
    'المزيد من أخبار سوريا',
  ])('takes %s for a heading', (line) => {
    expect(isMoreHeading(line.trim())).toBe(true);
  });

  it.each([
    'المزيد من المدنيين الأبرياء يدفعون الثمن.',
    'الأكثر قراءة في العالم العربي هذا الأسبوع هو',
  ])('does not take prose for a heading: %s', (line) => {
    expect(isMoreHeading(line)).toBe(false);
  });
});

describe('listedHeadline', () => {
  it.each([
    ['- خبر أول', 'خبر أول'],
    ['• خبر أول', 'خبر أول'],
    ['١. خبر أول', 'خبر أول'],
    ['2) خبر أول', 'خبر أول'],
    ['«خبر أول»', 'خبر أول'],
    ['"التربية": 150 ألف طالب', '"التربية": 150 ألف طالب'],
    ['3 قتلى في حادث سير', '3 قتلى في حادث سير'],
  ])('reads %s', (line, headline) => {
    expect(listedHeadline(line)).toBe(headline);
  });
});

describe('isChromeLine', () => {
  it.each([
    'حجم الخط:',
    'A+ A-',
    'A- A A+',
    'شارك',
    'طباعة',
    'شارك عبر: فيسبوك | تويتر | واتساب | تلغرام',
    'Facebook Twitter WhatsApp',
    '|',
  ])('takes %s for chrome', (line) => {
    expect(isChromeLine(line)).toBe(true);
  });

  it.each(['شارك مئات المتظاهرين في وقفة احتجاجية', 'أنا برس', ''])('keeps %s', (line) => {
    expect(isChromeLine(line)).toBe(false);
  });
});
