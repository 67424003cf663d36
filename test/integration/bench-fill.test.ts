import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { fillDatabase, TAG_COUNT } from '../../bench/fill.js';
import { getListing } from '../../src/services/read-pages.js';
import type { Database } from '../../src/storage/database.js';
import { DIALECTS, openTestDatabase } from '../helpers/dialects.js';
import { testFolder } from '../helpers/temp-folder.js';

/** A corpus of three articles, as ../shared/corpus/articles.jsonl has them (no tags). */
function corpus(): string {
  const path = join(testFolder('bench-fill'), 'articles.jsonl');
  const line = (id: string, title: string) =>
    JSON.stringify({ id, section: 'economy', title, body: 'نص الخبر.', date: '2017-01-25' });
  writeFileSync(
    path,
    [
      line('1000000001', 'الخبر الأول'),
      line('1000000002', 'الخبر الثاني'),
      line('1000000003', 'الخبر الثالث'),
    ].join('\n'),
  );
  return path;
}

/** Each article id with its tags' slugs in order, "id:slug,slug". */
async function tagsOfEach(database: Database): Promise<string[]> {
  const { rows } = await sql<{ id: string; slugs: string | null }>`
    select cast(a.id as text) as id, (
      select ${database.dialect === 'sqlite' ? sql`group_concat(slug, ',')` : sql`string_agg(slug, ',')`}
      from (select t.slug from article_tags at join tags t on t.id = at.tag_id
        where at.article_id = a.id order by at.position) s
    ) as slugs from articles a order by a.id`.execute(database.db);
  return rows.map((r) => `${r.id}:${r.slugs ?? ''}`);
}

for (const { dialect, available } of DIALECTS) {
  describe.skipIf(!available)(`bench fill (${dialect})`, () => {
    it('tags the corpus and gives every copy its original’s tags', async () => {
      // On PostgreSQL, an empty database of the test's own, dropped after.
      const scratch = dialect === 'postgres' ? await openTestDatabase(dialect) : null;
      const target = scratch?.url
        ? { url: scratch.url }
        : { file: join(testFolder('bench-fill'), 'bench.db') };
      const fill = await fillDatabase(target, corpus(), 7, () => undefined);
      try {
        expect(fill).toMatchObject({ imported: 3, articles: 7 });
        const { rows } = await sql<{ n: number | string }>`select count(*) as n from tags`.execute(
          fill.database.db,
        );
        expect(Number(rows[0]?.n)).toBe(TAG_COUNT);
        expect(await tagsOfEach(fill.database)).toEqual([
          '1000000001:tag-16',
          '1000000002:tag-10',
          '1000000003:tag-446',
          '11000000001:tag-16',
          '11000000002:tag-10',
          '11000000003:tag-446',
          '21000000001:tag-16',
        ]);
        // A tag's page read from its own rows (articles.repository listLatest):
        // newest first, the same date ordered by id, newest id first.
        const page = await getListing({ database: fill.database }, 'tag', 'tag-16', 1);
        expect(page?.articles.map((a) => a.id)).toEqual([
          '21000000001',
          '11000000001',
          '1000000001',
        ]);
        expect(page?.hasOlder).toBe(false);
        expect(await getListing({ database: fill.database }, 'tag', 'tag-1', 1)).toBeNull();
      } finally {
        await fill.database.close();
        await scratch?.close();
      }
    });
  });
}
