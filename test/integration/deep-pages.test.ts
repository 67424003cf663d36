import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fillDatabase } from '../../bench/fill.js';
import { getLatestPage, getListing, MAX_LISTING_PAGE } from '../../src/services/read-pages.js';
import { DIALECTS, openTestDatabase } from '../helpers/dialects.js';
import { testFolder } from '../helpers/temp-folder.js';

/** 50 articles of one section, a day apart from 1 January 2017. */
function corpus(): string {
  const path = join(testFolder('deep-pages'), 'articles.jsonl');
  const lines = Array.from({ length: 50 }, (_, i) =>
    JSON.stringify({
      id: String(1000000001 + i),
      section: 'economy',
      title: `الخبر رقم ${i + 1}`,
      body: 'نص الخبر.',
      date: new Date(Date.UTC(2017, 0, 1 + i)).toISOString().slice(0, 10),
    }),
  );
  writeFileSync(path, lines.join('\n'));
  return path;
}

for (const { dialect, available } of DIALECTS) {
  describe.skipIf(!available)(`pages of a list past page ${MAX_LISTING_PAGE} (${dialect})`, () => {
    it('stops the latest list and a section at page 100, with no link to page 101', async () => {
      const scratch = dialect === 'postgres' ? await openTestDatabase(dialect) : null;
      const target = scratch?.url
        ? { url: scratch.url }
        : { file: join(testFolder('deep-pages'), 'site.db') };
      // 2,050 articles: the corpus and 40 copies of it (same dates).
      const { database } = await fillDatabase(target, corpus(), 2050, () => undefined);
      try {
        const deps = { database };
        const section = (page: number) => getListing(deps, 'section', 'اقتصاد', page);
        expect(MAX_LISTING_PAGE).toBe(100);
        expect(await section(99)).toMatchObject({ page: 99, hasOlder: true });
        const last = await section(100);
        expect(last).toMatchObject({ page: 100, hasOlder: false });
        expect(last?.articles).toHaveLength(20);
        expect(await section(101)).toBeNull();
        expect(await getLatestPage(deps, 99)).toMatchObject({ page: 99, hasOlder: true });
        expect(await getLatestPage(deps, 100)).toMatchObject({ page: 100, hasOlder: false });
        expect(await getLatestPage(deps, 101)).toBeNull();
      } finally {
        await database.close();
        await scratch?.close();
      }
    });
  });
}
