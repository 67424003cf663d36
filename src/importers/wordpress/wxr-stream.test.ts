import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../lib/errors.js';
import { FIELD_LIMITS, MAX_TEXT_RUN, readWxr, type WxrRecord } from './wxr-stream.js';

const FIXTURES = join(import.meta.dirname, '../../../test/fixtures/wordpress');

async function records(file: string, content = true): Promise<WxrRecord[]> {
  const list: WxrRecord[] = [];
  for await (const record of readWxr(file, { content, metaKeys: new Set(['tie_views']) })) {
    list.push(record);
  }
  return list;
}

async function refusal(file: string): Promise<AppError> {
  const error: unknown = await records(file).then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

const HEAD = `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
`;

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'midad-wxr-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function tempFile(name: string, text: string): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, text);
  return file;
}

describe('readWxr refuses', () => {
  it('a file that is not well-formed, naming the line and column', async () => {
    const error = await refusal(join(FIXTURES, 'malformed.xml'));
    expect(error.code).toBe('IMPORT_FILE_MALFORMED');
    expect(error.message).toBe(
      'The WordPress export is not well-formed XML: line 12, column 28: unexpected close tag.',
    );
    expect(error.details).toEqual({ line: 12, column: 28 });
  });

  it('an entity bomb (billion laughs) as unsafe, before any entity is read', async () => {
    const error = await refusal(join(FIXTURES, 'entity-bomb.xml'));
    expect(error.code).toBe('IMPORT_FILE_UNSAFE');
    expect(error.message).toBe(
      'The WordPress export declares entities in its DOCTYPE (line 13); entities are never expanded, so the file is not read.',
    );
  });

  it('an external entity (XXE) as unsafe', async () => {
    const error = await refusal(join(FIXTURES, 'external-entity.xml'));
    expect(error.code).toBe('IMPORT_FILE_UNSAFE');
  });

  it('an external DTD as unsafe', async () => {
    const error = await refusal(join(FIXTURES, 'external-dtd.xml'));
    expect(error.code).toBe('IMPORT_FILE_UNSAFE');
    expect(error.message).toBe(
      'The WordPress export names an external DTD in its DOCTYPE (line 2); nothing outside the file is ever read.',
    );
  });

  it('an undefined entity as malformed, saying entities are never expanded', async () => {
    const error = await refusal(join(FIXTURES, 'undefined-entity.xml'));
    expect(error.code).toBe('IMPORT_FILE_MALFORMED');
    expect(error.message).toBe(
      'The WordPress export is not well-formed XML: line 4, column 20: undefined entity (only &amp; &lt; &gt; &quot; &apos; and character references are read; entities are never expanded).',
    );
  });

  it('a file cut short', async () => {
    const file = await tempFile('cut.xml', `${HEAD}<item><title>خبر</title>`);
    const error = await refusal(file);
    expect(error.code).toBe('IMPORT_FILE_MALFORMED');
    expect(error.message).toMatch(
      /^The WordPress export is not well-formed XML: line 4, column \d+: /,
    );
  });

  it('elements nested deeper than any export nests them', async () => {
    const file = await tempFile('deep.xml', `${HEAD}${'<x>'.repeat(100)}`);
    const error = await refusal(file);
    expect(error.code).toBe('IMPORT_FILE_MALFORMED');
    expect(error.message).toBe(
      'The WordPress export is not well-formed XML: line 4, column 189: elements nested more than 64 deep (a WordPress export nests 6).',
    );
  });

  it('an XML document that is not RSS', async () => {
    const file = await tempFile('feed.xml', '<?xml version="1.0"?>\n<feed><title>x</title></feed>');
    const error = await refusal(file);
    expect(error.code).toBe('IMPORT_FILE_MALFORMED');
    expect(error.message).toBe(
      'The WordPress export is not well-formed XML: line 2, column 6: the root element is <feed>, not <rss>.',
    );
  });

  it('a file in an encoding that cannot be read', async () => {
    const file = await tempFile(
      'klingon.xml',
      '<?xml version="1.0" encoding="x-klingon"?>\n<rss><channel></channel></rss>',
    );
    const error = await refusal(file);
    expect(error.code).toBe('IMPORT_FILE_MALFORMED');
    expect(error.message).toBe(
      'The WordPress export is not well-formed XML: line 1, column 1: the encoding «x-klingon» the file declares is not one that can be read.',
    );
  });

  it('a text run longer than the limit as too large, before it ends', async () => {
    const body = 'ب'.repeat(300_000);
    const file = await tempFile(
      'huge.xml',
      `${HEAD}<item><content:encoded><![CDATA[${body}]]></content:encoded></item></channel></rss>`,
    );
    const read = readWxr(file, { content: true, metaKeys: new Set(), maxTextRun: 100_000 });
    const error: unknown = await (async () => {
      for await (const record of read) void record;
    })().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('IMPORT_FILE_TOO_LARGE');
    expect((error as AppError).message).toBe(
      'The WordPress export has a text of more than 100000 characters in one piece (at line 4); it is not read.',
    );
    expect(MAX_TEXT_RUN).toBe(32 * 1024 * 1024);
  });
});

describe('readWxr reads', () => {
  it('an item’s fields, terms, kept postmeta and comments, with forbidden characters removed', async () => {
    const file = await tempFile(
      'item.xml',
      `${HEAD}<title>موقع</title>
<item><title><![CDATA[خبر\u0001 عاجل]]></title><wp:post_id>7</wp:post_id>
<category domain="post_tag" nicename="%d8%b1"><![CDATA[ر]]></category>
<wp:postmeta><wp:meta_key>tie_views</wp:meta_key><wp:meta_value>12</wp:meta_value></wp:postmeta>
<wp:postmeta><wp:meta_key>_edit_lock</wp:meta_key><wp:meta_value>1</wp:meta_value></wp:postmeta>
<wp:comment><wp:comment_content>تعليق</wp:comment_content></wp:comment>
<content:encoded><![CDATA[<p>نص</p>]]></content:encoded></item></channel></rss>`,
    );
    expect(await records(file)).toEqual([
      { kind: 'channel', name: 'title', value: 'موقع' },
      {
        kind: 'item',
        item: {
          fields: new Map([
            ['title', 'خبر عاجل'],
            ['wp:post_id', '7'],
            ['content:encoded', '<p>نص</p>'],
          ]),
          terms: [{ domain: 'post_tag', nicename: '%d8%b1', name: 'ر' }],
          meta: new Map([['tie_views', '12']]),
          comments: 1,
          truncated: [],
        },
      },
      { kind: 'end', forbiddenCharacters: 1 },
    ]);
  });

  it('a file in the encoding its declaration names (windows-1256 of an old Arabic blog)', async () => {
    const file = join(dir, 'cp1256.xml');
    const head =
      '<?xml version="1.0" encoding="windows-1256"?>\n<rss version="2.0"><channel><title>';
    const tail = '</title></channel></rss>';
    // «خبر عاجل» in windows-1256.
    await writeFile(
      file,
      Buffer.concat([Buffer.from(head), Buffer.from('cec8d120dac7cce1', 'hex'), Buffer.from(tail)]),
    );
    expect(await records(file)).toEqual([
      { kind: 'channel', name: 'title', value: 'خبر عاجل' },
      { kind: 'end', forbiddenCharacters: 0 },
    ]);
  });

  it('without content:encoded when asked (pass 1)', async () => {
    const file = await tempFile(
      'nocontent.xml',
      `${HEAD}<item><content:encoded>نص</content:encoded></item></channel></rss>`,
    );
    const [item] = await records(file, false);
    expect(item).toEqual({
      kind: 'item',
      item: { fields: new Map(), terms: [], meta: new Map(), comments: 0, truncated: [] },
    });
  });

  it('a title over its limit cut at 10 KiB', async () => {
    const file = await tempFile(
      'title.xml',
      `${HEAD}<item><title>${'ع'.repeat(20_000)}</title></item></channel></rss>`,
    );
    const [record] = await records(file);
    if (record?.kind !== 'item') throw new Error('expected an item');
    expect(record.item.fields.get('title')).toBe('ع'.repeat(10 * 1024));
    expect(record.item.truncated).toEqual(['title']);
  });

  it('a body over its limit cut at the limit, and says so', async () => {
    const limit = FIELD_LIMITS['content:encoded'] ?? 0;
    const file = await tempFile(
      'long.xml',
      `${HEAD}<item><content:encoded><![CDATA[${'ن'.repeat(limit + 10)}]]></content:encoded></item></channel></rss>`,
    );
    const [record] = await records(file);
    if (record?.kind !== 'item') throw new Error('expected an item');
    expect(record.item.fields.get('content:encoded')?.length).toBe(limit);
    expect(record.item.truncated).toEqual(['content:encoded']);
  });
});
