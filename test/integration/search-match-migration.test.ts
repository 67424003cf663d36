/**
 * PostgreSQL's migrations 2026_12_07_1100_search_match_vector, which
 * replaces the weighted `document` with `match`, filled from the vectors
 * already stored (no reindex), and 2026_12_07_1400_search_match_table,
 * which moves `match` to the narrow article_match; both undo cleanly.
 * SQLite is left alone.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { analyse } from '../../src/arabic/tokenize.js';
import { importJsonl } from '../../src/importers/jsonl/import-jsonl.js';
import { searchArticles } from '../../src/services/search-articles.js';
import * as matchVector from '../../src/storage/migrations/2026_12_07_1100_search_match_vector.js';
import * as matchTable from '../../src/storage/migrations/2026_12_07_1400_search_match_table.js';
import { NOW, testSite, type TestSite } from '../helpers/site.js';
import { describeEachDialect } from '../helpers/dialects.js';

describeEachDialect((dialect) => {
  let site: TestSite;
  let db: Kysely<unknown>;
  beforeAll(async () => {
    site = await testSite({}, { dialect, demo: false });
    db = site.database.db as unknown as Kysely<unknown>;
    const dir = mkdtempSync(join(tmpdir(), 'midad-match-'));
    try {
      const file = join(dir, 'articles.jsonl');
      const article = {
        id: '9400001',
        title: 'محصول القمح',
        body: 'قمح وفير',
        section: 'economy',
        date: '2024-01-01',
      };
      writeFileSync(file, JSON.stringify(article));
      await importJsonl({ database: site.database, now: () => NOW }, file, {
        timeZone: 'Africa/Tunis',
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  afterAll(async () => {
    await site.close();
  });

  const found = async (q: string) =>
    (
      await searchArticles(
        { database: site.database },
        { q, filters: {}, sort: 'relevance', page: 1, limit: 10 },
      )
    ).results.map((r) => r.id);

  it.runIf(dialect === 'postgres')(
    'down restores `document`; up fills `match` from the stored vectors, then moves it to article_match',
    async () => {
      await matchTable.down(db);
      await matchVector.down(db);
      const { rows: before } = await sql<{
        document: boolean;
      }>`select document is not null as document
      from article_search`.execute(db);
      expect(before).toEqual([{ document: true }]);
      await matchVector.up(db);
      await matchVector.up(db);
      const { rows } = await sql<{ lexemes: string[] }>`select tsvector_to_array(match) as lexemes
      from article_search`.execute(db);
      const { exact, stems } = analyse('محصول القمح قمح وفير');
      const expected = [
        ...new Set([...exact.split(' '), ...stems.split(' ').map((s) => `~${s}`)]),
      ].sort();
      expect(rows.map((r) => [...r.lexemes].sort())).toEqual([expected]);
      await matchTable.up(db);
      const { rows: moved } = await sql<{
        lexemes: string[];
      }>`select tsvector_to_array(match) as lexemes from article_match`.execute(db);
      expect(moved.map((r) => [...r.lexemes].sort())).toEqual([expected]);
      const { rows: columns } = await sql<{ n: number }>`select count(*)::int as n
        from information_schema.columns where table_name = 'article_search' and column_name = 'match'`.execute(
        db,
      );
      expect(columns).toEqual([{ n: 0 }]);
      expect(await found('القمح')).toEqual(['9400001']);
    },
  );

  it('finds the article by a word and by a phrase, and not by a phrase across headline and body', async () => {
    expect(await found('قمح')).toEqual(['9400001']);
    expect(await found('"محصول القمح"')).toEqual(['9400001']);
    expect(await found('"القمح قمح"')).toEqual([]);
  });
});
