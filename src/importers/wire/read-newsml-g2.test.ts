import { describe, expect, it } from 'vitest';
import type { ItemSink } from './read-item-build.js';
import { readNewsItem } from './read-newsml-g2.js';
import { XmlTreeBuilder } from './read-xml-tree.js';

function newsItem(inner: string, attributes = 'guid="urn:x:1" version="5"') {
  const builder = new XmlTreeBuilder({
    onRoot: () => ({ depth: 0, names: new Set() }),
    maxRecords: 1,
  });
  builder.write(
    `<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" ${attributes}>${inner}</newsItem>`,
  );
  const sink: ItemSink = { items: [], warnings: [] };
  readNewsItem(builder.end().root, sink);
  return sink;
}

describe('readNewsItem', () => {
  it('prefers an XML body to plain text, and reads an html root left in the G2 namespace', () => {
    const sink = newsItem(
      '<contentMeta><headline>خبر</headline></contentMeta><contentSet>' +
        '<inlineData contenttype="text/plain">نص عادي</inlineData>' +
        '<inlineXML contenttype="application/xhtml+xml"><html><body><p>نص منسق</p></body></html></inlineXML></contentSet>',
    );

    expect(sink.items[0]?.bodyHtml).toBe('<p>نص منسق</p>');
  });

  it('takes the main headline, the Arabic names of subjects and creators, and the summary description', () => {
    const sink = newsItem(
      '<itemMeta><firstCreated>2026-12-04T10:00:00+04:00</firstCreated></itemMeta><contentMeta>' +
        '<creator><name xml:lang="en">Huda</name><name xml:lang="ar">هدى</name></creator>' +
        '<subject qcode="medtop:15000000"><name xml:lang="en">sport</name><name xml:lang="ar">رياضة</name></subject>' +
        '<subject qcode="medtop:99"/><subject literal="ملاكمة"/>' +
        '<headline role="hld:short">قصير</headline><headline role="hld:main">العنوان الكامل</headline>' +
        '<description role="drol:caption">تعليق</description><description role="drol:summary">الموجز</description>' +
        '</contentMeta><contentSet><inlineData>سطر</inlineData></contentSet>',
    );

    expect(sink.items[0]).toMatchObject({
      guid: 'urn:x:1',
      version: 5,
      headline: 'العنوان الكامل',
      byline: 'هدى',
      subjects: ['رياضة', 'ملاكمة'],
      summary: 'الموجز',
      bodyHtml: '<p>سطر</p>',
      sentAt: new Date('2026-12-04T06:00:00.000Z'),
      sentOffsetMinutes: 240,
    });
  });

  it('gives version 1 when none is written, as NewsML-G2 defaults it', () => {
    const sink = newsItem('<contentMeta><headline>خبر</headline></contentMeta>', 'guid="urn:x:2"');

    expect(sink.items[0]?.version).toBe(1);
  });
});
