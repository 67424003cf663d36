import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ArticleId } from '../../src/domain/article-id.js';
import { saveImportedArticle } from '../../src/services/save-imported-article.js';
import type { Database } from '../../src/storage/database.js';
import { listRelatedArticles } from '../../src/storage/repositories/related-articles.repository.js';
import { describeEachDialect } from '../helpers/dialects.js';
import { numberedArticle } from '../helpers/numbered-article.js';
import { emptyDatabase, NOW } from '../helpers/site.js';

const DAY = 86_400_000;

describeEachDialect((dialect) => {
  let database: Database;
  const sectionOf: Record<string, string | null> = {};
  const tagIds: Record<string, string> = {};

  /** Saves article `n` (published `n` days after a start date; `null`: undated) in `section`. */
  async function article(n: number, section: string | null, days: number | null) {
    const id = String(2000 + n) as ArticleId;
    await saveImportedArticle(
      { database, now: () => NOW },
      numberedArticle(n, {
        id,
        sectionName: section,
        publishedAt: days === null ? null : new Date(NOW.getTime() - (30 - days) * DAY),
      }),
    );
    const row = await database.db
      .selectFrom('articles')
      .select('section_id')
      .where('id', '=', BigInt(id) as never)
      .executeTakeFirstOrThrow();
    sectionOf[id] = row.section_id === null ? null : String(row.section_id);
    return id;
  }

  async function tag(articleId: string, slug: string) {
    if (tagIds[slug] === undefined) {
      const row = await database.db
        .insertInto('tags')
        .values({ slug, name: slug } as never)
        .returning('id')
        .executeTakeFirstOrThrow();
      tagIds[slug] = String(row.id);
    }
    await database.db
      .insertInto('article_tags')
      .values({
        article_id: BigInt(articleId),
        tag_id: BigInt(tagIds[slug]!),
        position: 0,
      } as never)
      .execute();
  }

  const headlines = async (id: string, tags: string[], limit = 4) =>
    (
      await listRelatedArticles(
        database.db,
        {
          id: id as ArticleId,
          sectionId: sectionOf[id] ?? null,
          tagIds: tags.map((t) => tagIds[t]!),
        },
        limit,
      )
    ).map((a) => a.headline);

  beforeAll(async () => {
    database = await emptyDatabase(dialect);
    const main = await article(1, 'سياسة', 10);
    await tag(main, 'إدلب');
    await article(2, 'سياسة', 5); // same section, older
    await tag(await article(3, 'اقتصاد', 20), 'إدلب'); // same tag, other section
    await article(4, 'رياضة', 25); // nothing shared
    await article(5, 'سياسة', null); // same section, undated
    const both = await article(6, 'سياسة', 15); // tag and section: listed once
    await tag(both, 'إدلب');
    await article(7, 'سياسة', 28);
    await database.db
      .updateTable('articles')
      .set({ status: 'draft' })
      .where('id', '=', BigInt(2007) as never)
      .execute(); // unpublished: never listed
  });
  afterAll(async () => {
    await database.close();
  });

  it('lists articles sharing a tag or the section, newest first, undated last, once each, never itself', async () => {
    expect(await headlines('2001', ['إدلب'], 10)).toEqual([
      'الخبر 3',
      'الخبر 6',
      'الخبر 2',
      'الخبر 5',
    ]);
  });

  it('stops at the limit, keeping the newest', async () => {
    expect(await headlines('2001', ['إدلب'], 2)).toEqual(['الخبر 3', 'الخبر 6']);
  });

  it('lists an article that shares two tags once', async () => {
    await tag('2003', 'حلب');
    expect(await headlines('2001', ['إدلب', 'حلب'], 2)).toEqual(['الخبر 3', 'الخبر 6']);
  });

  it('lists the same for an article with a thousand tags, each read in its own index entries', async () => {
    // 1,001 tags on article 3: a thousand short reads, merged.
    const many = Array.from({ length: 1001 }, (_, i) => `وسم-${i}`);
    const rows = await database.db
      .insertInto('tags')
      .values(many.map((slug) => ({ slug, name: slug })) as never)
      .returning('id')
      .execute();
    await database.db
      .insertInto('article_tags')
      .values(rows.map((row) => ({ article_id: 2003n, tag_id: row.id, position: 1 })) as never)
      .execute();
    rows.forEach((row, i) => (tagIds[many[i]!] = String(row.id)));
    expect(await headlines('2001', ['إدلب', ...many], 10)).toEqual([
      'الخبر 3',
      'الخبر 6',
      'الخبر 2',
      'الخبر 5',
    ]);
    expect(await headlines('2006', many, 10)).toEqual(['الخبر 3', 'الخبر 1', 'الخبر 2', 'الخبر 5']);
  });

  it('lists nothing for an article with neither tags nor a shared section', async () => {
    expect(await headlines('2004', [])).toEqual([]);
    expect(await headlines('2001', [], 0)).toEqual([]);
  });
});
