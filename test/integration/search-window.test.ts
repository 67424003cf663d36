/**
 * The ranking window (search/search-index.ts RANKING_WINDOW), made 3 here
 * so that 40 articles exercise it: an unfiltered relevance search ranks
 * the newest 3 hits, on both engines. On PostgreSQL these are looked for
 * among the newest articles first (a span of 12, else the whole index):
 * a common word is settled in the span, a sparser or rare one in the
 * whole index, and each gives the same hits as reading every match. A phrase is tested before the window (its words alone fill
 * the first span with hits that do not hold it). A filtered one ranks the
 * newest 3 of the hits that pass its filter; a date-sorted one sees every hit.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { importJsonl } from '../../src/importers/jsonl/import-jsonl.js';
import { searchArticles } from '../../src/services/search-articles.js';
import { NOW, testSite, type TestSite } from '../helpers/site.js';
import { describeEachDialect } from '../helpers/dialects.js';
import type * as SearchIndexModule from '../../src/search/search-index.js';

vi.mock('../../src/search/search-index.js', async (original) => ({
  ...(await original<typeof SearchIndexModule>()),
  RANKING_WINDOW: 3,
}));

/** Article n (1–40), id 93000nn, a day apart: the words of its headline. */
function words(n: number): string {
  return [
    n % 5 === 0 ? 'قمح' : '',
    n % 10 === 0 ? 'زيتون' : '',
    n === 2 || n === 7 ? 'لوز' : '',
    'تقرير الموسم الفلاحي',
  ].join(' ');
}
const idOf = (n: number) => String(9300000 + n);

describeEachDialect((dialect) => {
  let site: TestSite;
  beforeAll(async () => {
    site = await testSite({}, { dialect, demo: false });
    const dir = mkdtempSync(join(tmpdir(), 'midad-window-'));
    try {
      const file = join(dir, 'articles.jsonl');
      const lines = Array.from({ length: 40 }, (_, i) => i + 1).map((n) =>
        JSON.stringify({
          id: idOf(n),
          title: `${words(n)} ${n}`,
          body: 'تابعوا التفاصيل في نشرة الأخبار.',
          date: new Date(Date.UTC(2024, 0, n)).toISOString().slice(0, 10),
        }),
      );
      writeFileSync(file, lines.join('\n'));
      const summary = await importJsonl({ database: site.database, now: () => NOW }, file, {
        timeZone: 'Africa/Tunis',
      });
      expect(summary).toMatchObject({ created: 40, skipped: [] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  afterAll(async () => {
    await site.close();
  });

  const search = async (q: string, options: { sort?: 'date'; to?: Date } = {}) => {
    const outcome = await searchArticles(
      { database: site.database },
      {
        q,
        filters: options.to ? { to: options.to } : {},
        sort: options.sort ?? 'relevance',
        page: 1,
        limit: 10,
      },
    );
    return { total: outcome.total, ids: outcome.results.map((r) => r.id).sort() };
  };

  it.each([
    ['قمح', 'one article in five: the first span holds 3', [30, 35, 40]],
    ['زيتون', 'one in ten: a wider span', [20, 30, 40]],
    ['لوز', 'two articles: the whole index', [2, 7]],
    ['قمح زيتون', 'two words', [20, 30, 40]],
  ])('%s (%s): the newest hits', async (q, _why, numbers) => {
    expect(await search(q)).toEqual({ total: numbers.length, ids: numbers.map(idOf).sort() });
  });

  it.each([
    ['"قمح زيتون"', 'a phrase of the newest spans and the whole index', [20, 30, 40]],
    ['"زيتون قمح"', 'its words in four articles, never in this order', []],
  ])('%s (%s): the newest hits that hold the phrase', async (q, _why, numbers) => {
    expect(await search(q)).toEqual({ total: numbers.length, ids: numbers.map(idOf).sort() });
  });

  it('a date-sorted search sees every hit', async () => {
    const every = [5, 10, 15, 20, 25, 30, 35, 40].map(idOf).sort();
    expect(await search('قمح', { sort: 'date' })).toEqual({ total: 8, ids: every });
  });

  it('a filtered search ranks the newest hits that pass its filter', async () => {
    // Up to 30 January: 5 … 30 pass, of which 20, 25 and 30 are the newest.
    expect(await search('قمح', { to: new Date('2024-01-31') })).toEqual({
      total: 3,
      ids: [20, 25, 30].map(idOf).sort(),
    });
  });
});
