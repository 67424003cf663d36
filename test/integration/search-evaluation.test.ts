/**
 * The search evaluation set: queries of every normalisation kind and of the
 * stemming, each with the articles it must find, over the demo article and
 * articles written for these tests (imported through the JSON Lines
 * importer). An expected article must be among the first ten results, and
 * no article may be found for a query that expects none.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importJsonl } from '../../src/importers/jsonl/import-jsonl.js';
import { searchArticles } from '../../src/services/search-articles.js';
import { NOW, testSite, type TestSite } from '../helpers/site.js';
import { describeEachDialect } from '../helpers/dialects.js';

describeEachDialect((dialect) => {
  const FIXTURES = new URL('../fixtures/search/', import.meta.url);
  const QUERIES = JSON.parse(readFileSync(new URL('queries.json', FIXTURES), 'utf8')) as Array<{
    kind: string;
    q: string;
    expect: string[];
  }>;

  let site: TestSite;
  beforeAll(async () => {
    site = await testSite({}, { dialect });
    const summary = await importJsonl(
      { database: site.database, now: () => NOW },
      new URL('test-articles.jsonl', FIXTURES).pathname,
      { timeZone: 'Asia/Damascus' },
    );
    expect(summary).toMatchObject({ created: 16, updated: 0, skipped: [] });
  });
  afterAll(async () => {
    await site.close();
  });

  describe('the search evaluation set', () => {
    it('has at least 60 queries covering every kind', () => {
      expect(QUERIES.length).toBeGreaterThanOrEqual(60);
      expect(new Set(QUERIES.map((q) => q.kind))).toEqual(
        new Set([
          'hamza',
          'taa_marbuta',
          'alef_maqsura',
          'tashkeel',
          'tatweel',
          'presentation_forms',
          'digits',
          'clitic',
          'suffix',
          'latin',
          'phrase',
          'persian',
          'words',
          'none',
        ]),
      );
    });

    it.each(QUERIES.map((q) => [q.kind, q.q, q.expect] as const))(
      '%s: %s finds %j',
      async (_kind, q, expected) => {
        const outcome = await searchArticles(site, {
          q,
          filters: {},
          sort: 'relevance',
          page: 1,
          limit: 10,
        });
        const found = outcome.results.map((r) => r.id as string);
        if (expected.length === 0) expect(found).toEqual([]);
        for (const id of expected) expect(found).toContain(id);
      },
    );
  });
});
