/**
 * TEMPORARY STUB (H3, branch i19-machines): H1's listLatestCorrections by
 * the shared plan's signature, so that the corrections page can be written
 * before i19-core lands. Removed before merging i19-core.
 */
import type { ArticleSummary } from '../domain/article.js';
import type { ArticleNote } from '../domain/article-note.js';
import type { Database } from '../storage/database.js';
import { toNote } from '../storage/repositories/article-notes.repository.js';
import { summaryQuery, toSummary } from '../storage/repositories/article-summary.js';
import { bindId, toIdString, toInt } from '../storage/repositories/convert.js';

/** The latest corrections of published articles, newest first, with how many there are. */
export async function listLatestCorrections(
  deps: { database: Database },
  options: { limit: number; offset: number },
): Promise<{ total: number; items: Array<{ note: ArticleNote; article: ArticleSummary }> }> {
  const db = deps.database.db;
  const published = () =>
    db
      .selectFrom('article_notes')
      .innerJoin('articles', 'articles.id', 'article_notes.article_id')
      .where('article_notes.kind', '=', 'correction')
      .where('articles.status', '=', 'published')
      .where('articles.kind', '=', 'article');
  const count = await published()
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await published()
    .select([
      'article_notes.id',
      'article_notes.article_id',
      'article_notes.kind',
      'article_notes.text',
      'article_notes.created_at',
    ])
    .orderBy('article_notes.created_at', 'desc')
    .orderBy('article_notes.id', 'desc')
    .limit(options.limit)
    .offset(options.offset)
    .execute();
  const total = toInt(count.n as bigint | number | string);
  if (rows.length === 0) return { total, items: [] };
  const ids = [...new Set(rows.map((r) => toIdString(r.article_id)))];
  const summaries = await summaryQuery(db).where('articles.id', 'in', ids.map(bindId)).execute();
  const byId = new Map(summaries.map((row) => [toIdString(row.id), toSummary(row)]));
  const items = rows.flatMap((row) => {
    const article = byId.get(toIdString(row.article_id));
    return article ? [{ note: toNote(row), article }] : [];
  });
  return { total, items };
}
