import { describe, expect, it } from 'vitest';
import { firstParagraphText, htmlToText, textBlocks } from './html-text.js';

describe('htmlToText', () => {
  it('one line per block', () => {
    expect(htmlToText('<h2>العنوان</h2><p>الفقرة الأولى</p><ul><li>بند</li></ul>')).toBe(
      'العنوان\nالفقرة الأولى\nبند',
    );
  });

  it('inline markup adds no space before punctuation', () => {
    expect(htmlToText('<p>قال <b>الوزير</b>، ثم <a href="/x">غادر</a>.</p>')).toBe(
      'قال الوزير، ثم غادر.',
    );
  });

  it('every entity is decoded', () => {
    expect(htmlToText('<p>&laquo;سلام&raquo; &amp; &#1604;&#1575; &lt;b&gt;</p>')).toBe(
      '«سلام» & لا <b>',
    );
  });

  it('a non-breaking space stays one', () => {
    expect(htmlToText('<p>٢٠&nbsp;كيلومترًا</p>')).toBe('٢٠\u00a0كيلومترًا');
  });

  it('a line break is a newline', () => {
    expect(htmlToText('<p>السطر الأول<br>السطر الثاني</p>')).toBe('السطر الأول\nالسطر الثاني');
  });

  it('blank blocks and trailing spaces go', () => {
    expect(htmlToText('<p>أ  </p><p> </p><p></p><p>ب</p>')).toBe('أ\nب');
  });

  it('a "<" in an attribute is not a tag', () => {
    expect(htmlToText('<p title="a<b">نص</p>')).toBe('نص');
  });

  it('tashkeel and mixed direction are kept', () => {
    expect(htmlToText('<p>إِنَّ الـ GDP نما ٣٪</p>')).toBe('إِنَّ الـ GDP نما ٣٪');
  });

  it('read-also boxes and embeds are left out', () => {
    expect(
      htmlToText(
        '<p>قبل</p><aside class="read-also" data-article-id="7"><a href="/a/7">اقرأ أيضًا</a></aside><figure class="embed" data-embed data-url="https://x.test"><a href="https://x.test">تغريدة</a></figure><p>بعد</p>',
      ),
    ).toBe('قبل\nبعد');
  });

  it("a figure's caption is kept", () => {
    expect(
      htmlToText(
        '<figure><img src="/m/1.jpg" alt="صورة"><figcaption>التعليق</figcaption></figure>',
      ),
    ).toBe('التعليق');
  });

  it('keeps read-also boxes and embeds, each on its line, when asked', () => {
    const html =
      '<p>قبل</p><aside class="read-also"><a href="/a/7">اقرأ أيضًا</a></aside><figure class="embed"><a href="https://x.test">تغريدة</a></figure>';

    expect(htmlToText(html, 'keep')).toBe('قبل\nاقرأ أيضًا\nتغريدة');
  });

  it('is empty for a body of markup and spaces only', () => {
    expect(htmlToText('<p>&nbsp;</p><p> <br> </p>', 'keep')).toBe('');
  });
});

describe('textBlocks', () => {
  it('names the element that ended each block, and keeps text after the last one', () => {
    expect(textBlocks('<h2>أ</h2><blockquote><p>ب</p></blockquote>ج')).toEqual([
      { element: 'h2', text: 'أ' },
      { element: 'p', text: 'ب' },
      { element: 'blockquote', text: '' },
      { element: '', text: 'ج' },
    ]);
  });
});

describe('firstParagraphText', () => {
  it('is the text of the first paragraph, after headings and read-also boxes', () => {
    const html =
      '<h2>عنوان فرعي</h2><aside class="read-also"><p>اقرأ أيضًا</p></aside><p>أعلنت <b>تركيا</b>، اليوم، عن توافق.</p><p>الثانية</p>';

    expect(firstParagraphText(html)).toBe('أعلنت تركيا، اليوم، عن توافق.');
  });

  it('is empty when there is no paragraph', () => {
    expect(firstParagraphText('<h2>عنوان</h2>')).toBe('');
  });
});
