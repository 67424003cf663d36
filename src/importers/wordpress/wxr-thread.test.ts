import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../lib/errors.js';
import { readWxr, type WxrReadOptions, type WxrRecord } from './wxr-stream.js';
import { readWxrRecords } from './wxr-thread.js';

const FIXTURES = join(import.meta.dirname, '../../../test/fixtures/wordpress');
const OPTIONS: WxrReadOptions = {
  content: true,
  metaKeys: new Set(['tie_views', '_thumbnail_id']),
};

/** The records read, or the error thrown, by `read`. */
async function outcome(
  read: AsyncGenerator<WxrRecord>,
): Promise<{ records: WxrRecord[] } | { error: unknown }> {
  const records: WxrRecord[] = [];
  try {
    for await (const record of read) records.push(record);
    return { records };
  } catch (error) {
    return { error };
  }
}

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'midad-wxr-thread-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readWxrRecords on a worker thread', () => {
  it.each(['block-editor-wxr-1.2.xml', 'classic-wxr-1.0.xml'])(
    'gives the records of %s that readWxr gives, in order',
    async (name) => {
      const file = join(FIXTURES, name);
      const here = await outcome(readWxr(file, OPTIONS));
      const threaded = await outcome(readWxrRecords(file, OPTIONS, 0));
      expect('records' in here && here.records.length).toBeGreaterThan(5);
      expect(threaded).toEqual(here);
    },
  );

  it.each([
    ['malformed.xml', 'IMPORT_FILE_MALFORMED'],
    ['entity-bomb.xml', 'IMPORT_FILE_UNSAFE'],
    ['external-entity.xml', 'IMPORT_FILE_UNSAFE'],
    ['undefined-entity.xml', 'IMPORT_FILE_MALFORMED'],
  ])('refuses %s with the AppError readWxr throws (%s)', async (name, code) => {
    const file = join(FIXTURES, name);
    const here = await outcome(readWxr(file, OPTIONS));
    const threaded = await outcome(readWxrRecords(file, OPTIONS, 0));
    if (!('error' in here) || !('error' in threaded)) throw new Error('expected a refusal');
    expect(threaded.error).toBeInstanceOf(AppError);
    const [a, b] = [here.error as AppError, threaded.error as AppError];
    expect({ code: b.code, message: b.message, details: b.details }).toEqual({
      code: a.code,
      message: a.message,
      details: a.details,
    });
    expect(b.code).toBe(code);
  });

  it('passes on a missing file’s error with its code', async () => {
    const threaded = await outcome(readWxrRecords(join(dir, 'absent.xml'), OPTIONS, 0));
    expect('error' in threaded && (threaded.error as { code?: string }).code).toBe('ENOENT');
  });

  it('sends a long export in several chunks, every record once, and stops when the reader does', async () => {
    const items = Array.from(
      { length: 1234 },
      (_, i) =>
        `<item><title>خبر ${i}</title><wp:post_id>${i + 1}</wp:post_id><content:encoded><![CDATA[<p>نص ${i}</p>]]></content:encoded></item>`,
    );
    const file = join(dir, 'long.xml');
    await writeFile(
      file,
      `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>موقع</title>
${items.join('\n')}
</channel></rss>`,
    );
    const threaded = await outcome(readWxrRecords(file, OPTIONS, 0));
    if (!('records' in threaded)) throw new Error('expected records');
    const ids = threaded.records.flatMap((r) =>
      r.kind === 'item' ? [r.item.fields.get('wp:post_id')] : [],
    );
    expect(ids).toEqual(items.map((_, i) => String(i + 1)));
    expect(threaded.records.at(-1)).toEqual({ kind: 'end', forbiddenCharacters: 0 });

    const firstTen: WxrRecord[] = [];
    for await (const record of readWxrRecords(file, OPTIONS, 0)) {
      firstTen.push(record);
      if (firstTen.length === 10) break;
    }
    expect(firstTen.map((r) => r.kind)).toEqual(['channel', ...Array(9).fill('item')]);
  });
});
