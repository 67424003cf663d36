/**
 * Spellings that search must bring together, or keep apart (issue 16), on
 * headlines of the kind the corpus has, on every engine: a hamza on either
 * seat, ـيا and ـية in a country's name, an attached pronoun, a one-letter
 * clitic, and stems that used to join different words (مليون and مليئة,
 * لبنان and لبن, الزيتون and الزيت, الباقين and باقات).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importJsonl } from '../../src/importers/jsonl/import-jsonl.js';
import { searchArticles } from '../../src/services/search-articles.js';
import { NOW, testSite, type TestSite } from '../helpers/site.js';
import { describeEachDialect } from '../helpers/dialects.js';

describeEachDialect((dialect) => {
  let site: TestSite;
  beforeAll(async () => {
    site = await testSite({}, { demo: false, dialect });
    const summary = await importJsonl(
      { database: site.database, now: () => NOW },
      new URL('../fixtures/search/spelling-articles.jsonl', import.meta.url).pathname,
      { timeZone: 'Africa/Tunis' },
    );
    expect(summary).toMatchObject({ created: 16, updated: 0, skipped: [] });
  });
  afterAll(async () => {
    await site.close();
  });

  const search = async (q: string) =>
    (await searchArticles(site, { q, filters: {}, sort: 'relevance', page: 1, limit: 10 })).results;
  /** Ids found, sorted (ranking is tested elsewhere). */
  const found = async (q: string) => (await search(q)).map((r) => String(r.id)).sort();
  /** The marked words of each result's headline, by id. */
  const headlineMarks = async (q: string) =>
    Object.fromEntries(
      (await search(q)).map((r) => [
        String(r.id),
        r.headlineParts.filter((p) => p.match).map((p) => p.text),
      ]),
    );

  describe('finds every spelling of a word', () => {
    it.each([
      ['a hamza on the waw seat', 'مسؤول', ['9200001', '9200002']],
      ['a hamza on the yaa seat', 'مسئول', ['9200001', '9200002']],
      ['a hamza on a seat, with the article and a plural', 'المسؤولين', ['9200001', '9200002']],
      ['a country in ـيا', 'سوريا', ['9200003', '9200004']],
      ['a country in ـية', 'سورية', ['9200003', '9200004']],
      ['a word without its pronoun', 'طموح', ['9200005', '9200006']],
      ['a word with a pronoun', 'طموحهم', ['9200005', '9200006']],
      ['a word without its clitic', 'قضبان', ['9200007', '9200008']],
      ['a word with a clitic', 'بقضبان', ['9200007', '9200008']],
    ])('%s: %s finds %j', async (_kind, q, expected) => {
      expect(await found(q)).toEqual(expected);
    });
  });

  describe('keeps different words apart', () => {
    it.each([
      ['مليون', ['9200010']],
      ['مليئة', ['9200009']],
      ['لبنان', ['9200011']],
      ['لبن', ['9200012']],
      ['الزيتون', ['9200013']],
      ['الزيت', ['9200014']],
      ['الباقين', ['9200015']],
      ['باقات', ['9200016']],
    ])('%s finds %j', async (q, expected) => {
      expect(await found(q)).toEqual(expected);
    });
  });

  describe('marks the word as the headline spells it', () => {
    it.each([
      ['مسئول', { '9200001': ['مسؤول'], '9200002': ['المسئول'] }],
      ['سوريا', { '9200003': ['سوريا'], '9200004': ['سورية'] }],
      ['طموح', { '9200005': ['طموحهم'], '9200006': ['طموح'] }],
      ['قضبان', { '9200007': ['قضبان'], '9200008': ['قضبان'] }],
      ['مليون', { '9200010': ['مليون'] }],
      ['الباقين', { '9200015': ['الباقين'] }],
    ])('%s marks %j', async (q, expected) => {
      expect(await headlineMarks(q)).toEqual(expected);
    });
  });
});
