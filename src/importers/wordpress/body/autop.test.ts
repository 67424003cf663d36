import { describe, expect, it } from 'vitest';
import { autop } from './autop.js';

describe('autop', () => {
  it.each([
    ['empty text', ' \n\n ', ''],
    [
      'an empty line ends a paragraph, a single break becomes <br>',
      'السطر الأول\nالسطر الثاني\n\nفقرة ثانية',
      '<p>السطر الأول<br>السطر الثاني</p>\n<p>فقرة ثانية</p>',
    ],
    ['several empty lines and spaces on them are one break', 'أ\n \n\t\n\nب', '<p>أ</p>\n<p>ب</p>'],
    ['two <br> in a row end a paragraph', 'أ<br><br />ب<br/>\nج', '<p>أ</p>\n<p>ب<br/>ج</p>'],
    [
      'no paragraph around a list, and the text beside it is its own paragraph',
      'مقدمة:\n<ul>\n<li>أول</li>\n<li>ثانٍ\nتابع</li>\n</ul>\nخاتمة',
      '<p>مقدمة:</p>\n<ul><li>أول</li><li>ثانٍ<br>تابع</li></ul>\n<p>خاتمة</p>',
    ],
    [
      'a list item holding a list gets its text in a paragraph',
      '<ol><li>أ<ul><li>ب</li></ul></li></ol>',
      '<ol><li><p>أ</p><ul><li>ب</li></ul></li></ol>',
    ],
    [
      'headings and figures are never wrapped',
      '<h2>عنوان</h2>\nنص\n<figure><img src="a.jpg">\n<figcaption>سطر\nسطر</figcaption></figure>',
      '<h2>عنوان</h2>\n<p>نص</p>\n<figure><img src="a.jpg"><figcaption>سطر<br>سطر</figcaption></figure>',
    ],
    [
      "a blockquote's text is in paragraphs",
      '<blockquote>قال:\nكلام\n\nوأضاف</blockquote>',
      '<blockquote><p>قال:<br>كلام</p><p>وأضاف</p></blockquote>',
    ],
    [
      "a div's text is in paragraphs, as the sanitiser drops the div",
      '<div dir="rtl">فقرة</div>\n<div>أخرى</div>',
      '<div dir="rtl"><p>فقرة</p></div>\n<div><p>أخرى</p></div>',
    ],
    [
      'pre is copied untouched',
      'قبل\n<pre>سطر\n\n  مزاح\n</pre>\nبعد',
      '<p>قبل</p>\n<pre>سطر\n\n  مزاح\n</pre>\n<p>بعد</p>',
    ],
    [
      'no empty paragraphs, &nbsp; ones included',
      '<p>&nbsp;</p>\n\n&nbsp;\n\n<br>\n\n<p> </p><h3></h3>نص',
      '<p>نص</p>',
    ],
    [
      'an image alone is a paragraph',
      'نص\n\n<a href="big.jpg"><img src="a.jpg"></a>',
      '<p>نص</p>\n<p><a href="big.jpg"><img src="a.jpg"></a></p>',
    ],
    [
      'an empty line inside a written <p> makes two',
      '<p dir="rtl">أ\n\nب</p>',
      '<p dir="rtl">أ</p><p dir="rtl">ب</p>',
    ],
    [
      'inline tags keep their line breaks inside the tag',
      '<a\nhref="x">رابط</a> و<strong>غامق</strong>\nسطر',
      '<p><a\nhref="x">رابط</a> و<strong>غامق</strong><br>سطر</p>',
    ],
    ['an end tag that closes nothing stays', 'أ</div>ب', '<p>أ</p>\n</div>\n<p>ب</p>'],
    ['an unclosed block is left open', '<blockquote>أ\n\nب', '<blockquote><p>أ</p><p>ب</p>'],
    ['a lone < is text', 'س < ص\nو 3<4', '<p>س < ص<br>و 3<4</p>'],
    ['hr is a block without content', 'أ\n<hr />\nب', '<p>أ</p>\n<hr />\n<p>ب</p>'],
  ])('%s', (_rule, input, expected) => {
    expect(autop(input)).toBe(expected);
  });
});
