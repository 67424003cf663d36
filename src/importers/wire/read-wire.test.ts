import { describe, expect, it } from 'vitest';
import {
  MAX_WIRE_DOCUMENT_BYTES,
  MAX_WIRE_ITEMS,
  readWireDocument,
  WireReadError,
} from './read-wire.js';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

async function* inChunks(data: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < data.length; at += size) yield data.subarray(at, at + size);
}

async function refusal(text: string | Uint8Array): Promise<WireReadError> {
  const data = typeof text === 'string' ? bytes(text) : text;
  const error: unknown = await readWireDocument(data, {}).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(WireReadError);
  return error as WireReadError;
}

const rss = (items: string, channel = ''): string =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>https://a.example/ar/</link>${channel}${items}</channel></rss>`;

describe('readWireDocument: RSS details', () => {
  it('strips HTML from a title and a description used as summary, and decodes entities', async () => {
    const document = await readWireDocument(
      bytes(
        rss(
          `<item xmlns:content="http://purl.org/rss/1.0/modules/content/"><title>&lt;i&gt;قمة&lt;/i&gt; &amp;amp; &#1605;&#1572;&#1578;&#1605;&#1585;</title><description><![CDATA[<p>موجز&nbsp;الخبر</p>]]></description><content:encoded><![CDATA[<p>النص</p>]]></content:encoded><guid isPermaLink="false">x1</guid></item>`,
        ),
      ),
      {},
    );

    expect(document.items[0]?.headline).toBe('قمة & مؤتمر');
    expect(document.items[0]?.summary).toBe('موجز الخبر');
    expect(document.items[0]?.bodyHtml).toBe('<p>النص</p>');
    expect(document.items[0]?.link).toBeNull();
  });

  it('gives an item without guid or link a sha256 guid of its headline and date, and warns of a date without offset', async () => {
    const document = await readWireDocument(
      bytes(rss('<item><title>خبر</title><pubDate>Fri, 04 Dec 2026 10:15:00</pubDate></item>')),
      {},
    );

    expect(document.items[0]?.guid).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(document.items[0]?.sentAt?.toISOString()).toBe('2026-12-04T10:15:00.000Z');
    expect(document.items[0]?.sentOffsetMinutes).toBeNull();
    expect(document.warnings).toEqual([
      'RSS item 1: the date «Fri, 04 Dec 2026 10:15:00» gives no offset; it was read as UTC.',
    ]);
  });

  it('keeps an item whose date cannot be read, without a date, and says so', async () => {
    const document = await readWireDocument(
      bytes(rss('<item><title>خبر</title><guid>g</guid><pubDate>قبل ساعة</pubDate></item>')),
      {},
    );

    expect(document.items[0]?.sentAt).toBeNull();
    expect(document.warnings).toEqual([
      'RSS item 1: the date «قبل ساعة» could not be read; the arrival time is used.',
    ]);
  });

  it(`reads at most ${MAX_WIRE_ITEMS} items and says how many were skipped`, async () => {
    const items = Array.from(
      { length: MAX_WIRE_ITEMS + 3 },
      (_, i) => `<item><title>خبر ${i}</title><guid>g${i}</guid></item>`,
    );

    const document = await readWireDocument(bytes(rss(items.join(''))), {});

    expect(document.items).toHaveLength(MAX_WIRE_ITEMS);
    expect(document.items.at(-1)?.guid).toBe(`g${MAX_WIRE_ITEMS - 1}`);
    expect(document.warnings).toEqual([
      `The document has ${MAX_WIRE_ITEMS + 3} items; only the first ${MAX_WIRE_ITEMS} were read, 3 skipped.`,
    ]);
  });

  it('removes characters XML forbids and counts them', async () => {
    const document = await readWireDocument(
      bytes(rss('<item><title>خبر\u0001 عاجل</title><guid>g</guid></item>')),
      {},
    );

    expect(document.items[0]?.headline).toBe('خبر عاجل');
    expect(document.warnings).toEqual(['1 characters that XML forbids were removed.']);
  });

  it('reads a document fed one byte at a time', async () => {
    const data = bytes(rss('<item><title>الأسد يزأر</title><guid>g</guid></item>'));

    const document = await readWireDocument(inChunks(data, 1), {});

    expect(document.items[0]?.headline).toBe('الأسد يزأر');
  });
});

describe('readWireDocument: RSS 1.0', () => {
  it('reads items of an rdf:RDF document with Dublin Core fields', async () => {
    const document = await readWireDocument(
      bytes(`<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://b.example/rss"><title>ب</title><link>https://b.example/</link><dc:language>ar</dc:language></channel>
  <item rdf:about="https://b.example/news/1"><title>افتتاح جسر</title><link>https://b.example/news/1</link>
    <description>افتتح الجسر الجديد.</description><dc:creator>رامي</dc:creator><dc:subject>نقل</dc:subject>
    <dc:date>2026-12-04T10:00:00+02:00</dc:date></item>
</rdf:RDF>`),
      {},
    );

    expect(document.format).toBe('rss1');
    expect(document.items).toEqual([
      {
        guid: 'https://b.example/news/1',
        version: null,
        headline: 'افتتاح جسر',
        slugline: '',
        byline: 'رامي',
        summary: '',
        bodyHtml: '<p>افتتح الجسر الجديد.</p>',
        link: 'https://b.example/news/1',
        language: 'ar',
        subjects: ['نقل'],
        sentAt: new Date('2026-12-04T08:00:00.000Z'),
        sentOffsetMinutes: 120,
      },
    ]);
  });
});

describe('readWireDocument: refusals', () => {
  it('refuses an entity XML does not define, naming line and column', async () => {
    const error = await refusal(rss('<item>\n<title>&eacute;</title></item>'));

    expect(error.code).toBe('WIRE_XML_INVALID');
    expect(error.message).toMatch(
      /^The document is not well-formed XML: line 2, column \d+: undefined entity/,
    );
  });

  it('refuses a billion laughs DOCTYPE before reading further', async () => {
    const error = await refusal(
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><rss>&lol2;</rss>',
    );

    expect(error.code).toBe('WIRE_DTD');
  });

  it('reads a DOCTYPE naming an external DTD without fetching it', async () => {
    const document = await readWireDocument(
      bytes(
        '<!DOCTYPE nitf SYSTEM "nitf-3-6.dtd"><nitf><body><body.head><hedline><hl1>عنوان</hl1></hedline></body.head></body></nitf>',
      ),
      {},
    );

    expect(document.items[0]?.headline).toBe('عنوان');
  });

  it('refuses elements nested more than 200 deep', async () => {
    const error = await refusal(`<rss>${'<a>'.repeat(250)}${'</a>'.repeat(250)}</rss>`);

    expect(error.code).toBe('WIRE_TOO_LARGE');
    expect(error.message).toContain('more than 200 deep');
  });

  it(`refuses a document over ${MAX_WIRE_DOCUMENT_BYTES} bytes`, async () => {
    const chunk = new Uint8Array(1024 * 1024).fill(0x20);
    async function* huge(): AsyncGenerator<Uint8Array> {
      yield bytes('<rss><channel>');
      for (let i = 0; i < 17; i += 1) yield chunk;
    }

    const error: unknown = await readWireDocument(huge(), {}).catch((caught: unknown) => caught);

    expect((error as WireReadError).code).toBe('WIRE_TOO_LARGE');
  });

  it.each([
    ['<html><body>صفحة</body></html>', 'WIRE_FORMAT_UNKNOWN'],
    ['مجرد نص', 'WIRE_FORMAT_UNKNOWN'],
    ['', 'WIRE_FORMAT_UNKNOWN'],
    ['{"version":"https://jsonfeed.org/version/1.1","items":[', 'WIRE_JSON_INVALID'],
    ['{"title":"ليس موجزا"}', 'WIRE_JSON_INVALID'],
    ['<rss><channel><item></channel></rss>', 'WIRE_XML_INVALID'],
    ['<rss><channel>', 'WIRE_XML_INVALID'],
    ['<knowledgeItem xmlns="http://iptc.org/std/nar/2006-10-01/"/>', 'WIRE_PACKAGE'],
    [
      '<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><itemSet><packageItem guid="p"/></itemSet></newsMessage>',
      'WIRE_PACKAGE',
    ],
    ['<?xml version="1.0" encoding="x-klingon"?><rss/>', 'WIRE_ENCODING'],
  ])('refuses %s with %s', async (text, code) => {
    expect((await refusal(text)).code).toBe(code);
  });

  it('stops reading the source at a refusal and ends it', async () => {
    let yielded = 0;
    let ended = false;
    async function* endless(): AsyncGenerator<Uint8Array> {
      try {
        yield bytes(
          '<?xml version="1.0" encoding="utf-8"?><packageItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="p">',
        );
        for (;;) {
          yielded += 1;
          yield bytes(`<x>${'ن'.repeat(600)}</x>`);
        }
      } finally {
        ended = true;
      }
    }

    const error: unknown = await readWireDocument(endless(), {}).catch((caught: unknown) => caught);

    expect((error as WireReadError).code).toBe('WIRE_PACKAGE');
    expect(yielded).toBeLessThan(3);
    expect(ended).toBe(true);
  });

  it('refuses declared UTF-8 that is not, naming the offset of the bad byte', async () => {
    const head = bytes('<?xml version="1.0" encoding="utf-8"?><rss><channel><title>');
    const data = new Uint8Array([...head, 0xc7, 0xe1, ...bytes('</title></channel></rss>')]);

    const error = await refusal(data);

    expect(error.code).toBe('WIRE_ENCODING');
    expect(error.message).toBe(
      `The bytes are not valid utf-8: byte 0xC7 at offset ${head.length} cannot be read.`,
    );
  });

  it('refuses undeclared bytes whose Arabic encoding cannot be told', async () => {
    const data = new Uint8Array([
      ...bytes('<rss><channel><title>'),
      0xc7,
      0xe1,
      ...bytes('</title></channel></rss>'),
    ]);

    const error = await refusal(data);

    expect(error.code).toBe('WIRE_ENCODING');
  });
});

describe('readWireDocument: encodings', () => {
  it('uses a forced encoding over the declaration', async () => {
    const data = new Uint8Array([
      ...bytes('<?xml version="1.0" encoding="utf-8"?><rss><channel><item><guid>g</guid><title>'),
      0xc3,
      0xc8,
      0xc7,
      0xc1,
      ...bytes('</title></item></channel></rss>'),
    ]);

    const document = await readWireDocument(data, { forcedEncoding: 'cp1256' });

    expect(document.encoding).toBe('windows-1256');
    expect(document.items[0]?.headline).toBe('أباء');
  });

  it('reads UTF-16 with a byte order mark', async () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-16"?>' +
      rss('<item><guid>g</guid><title>خبر</title></item>').replace('<?xml version="1.0"?>', '');
    const data = new Uint8Array(
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]),
    );

    const document = await readWireDocument(data, {});

    expect(document.encoding).toBe('utf-16le');
    expect(document.items[0]?.headline).toBe('خبر');
  });

  it('reads UTF-8 with a byte order mark', async () => {
    const data = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...bytes(rss('<item><guid>g</guid><title>خبر</title></item>')),
    ]);

    const document = await readWireDocument(data, {
      contentType: 'text/xml; charset=windows-1256',
    });

    expect(document.encoding).toBe('utf-8');
    expect(document.items[0]?.headline).toBe('خبر');
  });
});
