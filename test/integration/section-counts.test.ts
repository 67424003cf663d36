import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { importJsonl } from '../../src/importers/jsonl/import-jsonl.js';
import { sectionsWithCounts } from '../../src/services/taxonomy-lists.js';
import type { Database } from '../../src/storage/database.js';
import { ensureSection } from '../../src/storage/repositories/sections.repository.js';
import { describeEachDialect } from '../helpers/dialects.js';
import { emptyDatabase, NOW } from '../helpers/site.js';
import { testFolder } from '../helpers/temp-folder.js';

describeEachDialect((dialect) => {
  let database: Database;
  beforeEach(async () => {
    database = await emptyDatabase(dialect);
  });
  afterEach(async () => {
    await database.close();
  });

  it('counts every article of each section for the newsroom, published ones for the public', async () => {
    const path = join(testFolder('section-counts'), 'articles.jsonl');
    const line = (id: string, section: string) =>
      JSON.stringify({ id, section, title: `خبر ${id}`, body: 'نص.', date: '2017-01-25' });
    writeFileSync(
      path,
      [
        line('1000000001', 'economy'),
        line('1000000002', 'economy'),
        line('1000000003', 'economy'),
        line('1000000004', 'sport'),
      ].join('\n'),
    );
    await importJsonl({ database, now: () => NOW }, path, { timeZone: 'UTC' });
    await database.db
      .updateTable('articles')
      .set({ status: 'draft' })
      .where('id', 'in', [1000000003n, 1000000004n])
      .execute();
    await ensureSection(database.db, { slug: 'empty', name: 'بلا مقالات' }, NOW);
    const counts = (list: Array<{ slug: string; articles: number }>) =>
      list.map((s) => `${s.slug}: ${s.articles}`);

    expect(counts(await sectionsWithCounts({ database }, 'newsroom'))).toEqual([
      'اقتصاد: 3',
      'empty: 0',
      'رياضة: 1',
    ]);
    expect(counts(await sectionsWithCounts({ database }, 'public'))).toEqual(['اقتصاد: 2']);
  });
});
