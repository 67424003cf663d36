import { describe, expect, it } from 'vitest';
import { nitfToHtml, xhtmlToHtml } from './read-html-out.js';
import { XmlTreeBuilder } from './read-xml-tree.js';

function parse(xml: string) {
  const builder = new XmlTreeBuilder({
    onRoot: () => ({ depth: 0, names: new Set() }),
    maxRecords: 1,
  });
  builder.write(xml);
  return builder.end().root;
}

describe('nitfToHtml', () => {
  it('maps NITF to HTML: hl2 a heading, bq a quotation, block and entities unwrapped, media dropped', () => {
    const content = parse(
      '<body.content><hl2>عنوان</hl2><block><p lede="true" id="p1">قال <person idsrc="x">فلان</person> &amp; <em>غيره</em></p>' +
        '<media media-type="image"><media-caption>صورة</media-caption></media></block>' +
        '<bq><p>اقتباس</p><credit>مصدر</credit></bq><p>سطر<br/>ثان <a href="https://a.example/?q=1&amp;r=&quot;2&quot;" onclick="x()">رابط</a></p></body.content>',
    );

    expect(nitfToHtml(content.children)).toBe(
      '<h2>عنوان</h2><p>قال فلان &amp; <em>غيره</em></p><blockquote><p>اقتباس</p><cite>مصدر</cite></blockquote>' +
        '<p>سطر<br>ثان <a href="https://a.example/?q=1&amp;r=&quot;2&quot;">رابط</a></p>',
    );
  });
});

describe('xhtmlToHtml', () => {
  it('writes elements by local name, escapes text and attributes, drops namespaced attributes', () => {
    const div = parse(
      '<div xmlns="http://www.w3.org/1999/xhtml" xmlns:x="urn:x"><p class="a" x:y="z">1 &lt; 2<br/></p><img src="a.jpg" alt="&quot;"/></div>',
    );

    expect(xhtmlToHtml(div.children)).toBe(
      '<p class="a">1 &lt; 2<br></p><img src="a.jpg" alt="&quot;">',
    );
  });
});
