/**
 * A tag's lists (its page, its public count, related-by-tag) follow its
 * articles as they are published, unpublished and re-dated, whichever way
 * the rows are written: the tag rows' `listed` and `published_at` are kept
 * by triggers (migration 2026_12_08_1000_article_tags_listing).
 */
import { sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { ArticleId } from '../../src/domain/article-id.js';
import { saveImportedArticle } from '../../src/services/save-imported-article.js';
import type { Database } from '../../src/storage/database.js';
import * as tagListing from '../../src/storage/migrations/2026_12_08_1000_article_tags_listing.js';
import {
  listPublishedIds,
  type ArticleCursor,
} from '../../src/storage/repositories/article-pages.repository.js';
import { listLatest } from '../../src/storage/repositories/articles.repository.js';
import { listRelatedArticles } from '../../src/storage/repositories/related-articles.repository.js';
import { listTags } from '../../src/storage/repositories/tags.repository.js';
import { describeEachDialect } from '../helpers/dialects.js';
import { numberedArticle } from '../helpers/numbered-article.js';
import { emptyDatabase, NOW } from '../helpers/site.js';

const DAY = 86_400_000;

describeEachDialect((dialect) => {
  let database: Database;
  let tagId: string;

  /** Saves article `n`, published `days` days before NOW (null: undated), with the tag. */
  async function article(n: number, days: number | null): Promise<string> {
    const id = String(3000 + n);
    await saveImportedArticle(
      { database, now: () => NOW },
      numberedArticle(n, {
        id,
        sectionName: null,
        publishedAt: days === null ? null : new Date(NOW.getTime() - days * DAY),
      }),
    );
    await database.db
      .insertInto('article_tags')
      .values({ article_id: BigInt(id), tag_id: BigInt(tagId), position: 0 } as never)
      .execute();
    return id;
  }

  /** Sets columns of article `id` in SQL, as any writer might. */
  async function update(id: string, values: Record<string, unknown>): Promise<void> {
    await database.db
      .updateTable('articles')
      .set(values as never)
      .where('id', '=', BigInt(id) as never)
      .execute();
  }

  const tagPage = async () =>
    (await listLatest(database.db, 10, 0, { tagId })).map((a) => a.headline);
  const publicCount = async () =>
    (await listTags(database.db, { publishedOnly: true })).map((t) => [t.slug, t.articles]);
  const related = async (id: string) =>
    (
      await listRelatedArticles(
        database.db,
        { id: id as ArticleId, sectionId: null, tagIds: [tagId] },
        10,
      )
    ).map((a) => a.headline);

  beforeEach(async () => {
    database = await emptyDatabase(dialect);
    const row = await database.db
      .insertInto('tags')
      .values({ slug: 'gaza', name: 'غزة' } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    tagId = String(row.id);
    await article(1, 10);
    await article(2, 3);
    await article(3, null);
    await article(4, 1);
    await update('3004', { status: 'draft' });
  });
  afterEach(async () => database.close());

  it('lists the tag’s published articles newest first, undated last, and counts them', async () => {
    expect(await tagPage()).toEqual(['الخبر 2', 'الخبر 1', 'الخبر 3']);
    expect(await publicCount()).toEqual([['gaza', 3]]);
    expect(await related('3001')).toEqual(['الخبر 2', 'الخبر 3']);
  });

  it('follows an article unpublished, published again and re-dated', async () => {
    await update('3002', { status: 'draft' });
    expect(await tagPage()).toEqual(['الخبر 1', 'الخبر 3']);
    expect(await publicCount()).toEqual([['gaza', 2]]);
    expect(await related('3001')).toEqual(['الخبر 3']);

    await update('3004', { status: 'published' });
    await update('3002', { status: 'published' });
    await update('3001', { published_at: sqlTime(dialect, NOW) });
    expect(await tagPage()).toEqual(['الخبر 1', 'الخبر 4', 'الخبر 2', 'الخبر 3']);
    expect(await publicCount()).toEqual([['gaza', 4]]);
    expect(await related('3003')).toEqual(['الخبر 1', 'الخبر 4', 'الخبر 2']);
  });

  it('leaves a static page out of the tag’s lists, and a tag of drafts alone out of the public list', async () => {
    await update('3002', { kind: 'page' });
    expect(await tagPage()).toEqual(['الخبر 1', 'الخبر 3']);
    for (const id of ['3001', '3002', '3003']) await update(id, { status: 'draft' });
    expect(await tagPage()).toEqual([]);
    expect(await publicCount()).toEqual([]);
    expect((await listTags(database.db)).map((t) => [t.slug, t.articles])).toEqual([['gaza', 4]]);
  });

  it('pages through the tag’s articles for the Content API, by cursor and since', async () => {
    const page = async (options: { since?: Date; after?: ArticleCursor }) =>
      (await listPublishedIds(database.db, { filter: { tagId }, limit: 2, ...options })).map(
        (cursor) => cursor.id,
      );
    const first = await listPublishedIds(database.db, { filter: { tagId }, limit: 2 });
    expect(first.map((cursor) => cursor.id)).toEqual(['3002', '3001']);
    expect(await page({ after: first[1]! })).toEqual(['3003']);
    expect(await page({ after: { id: '3003' as ArticleId, publishedAt: null } })).toEqual([]);
    expect(await page({ since: new Date(NOW.getTime() - 5 * DAY) })).toEqual(['3002']);
  });

  it('fills the columns of the rows already there when the migration runs', async () => {
    const db = database.db as unknown as Kysely<unknown>;
    await tagListing.down(db);
    await update('3002', { status: 'draft' });
    await tagListing.up(db);
    expect(await tagPage()).toEqual(['الخبر 1', 'الخبر 3']);
    await tagListing.up(db);
    await update('3002', { status: 'published' });
    expect(await tagPage()).toEqual(['الخبر 2', 'الخبر 1', 'الخبر 3']);
  });
});

/** `at` as the engine stores `published_at`: timestamptz on PostgreSQL, ISO-8601 text on SQLite. */
function sqlTime(dialect: string, at: Date) {
  return dialect === 'postgres' ? sql`${at.toISOString()}::timestamptz` : at.toISOString();
}
