/**
 * Public notes of correction and update on articles (issue 19). Functions
 * take the query builder (or a transaction) first.
 */
import {
  isArticleNoteKind,
  type ArticleNote,
  type ArticleNoteKind,
} from '../../domain/article-note.js';
import type { ArticleId } from '../../domain/article-id.js';
import type { ArticleSummary } from '../../domain/article.js';
import type { Db } from '../db.js';
import { summariesByIds } from './article-summary.js';
import { preparedQuery } from './prepared-query.js';
import { bindId, fromDate, toArticleIdValue, toDate, toIdString, toInt } from './convert.js';

/** The note rows of article `values[0]`, oldest first. */
const noteRows = preparedQuery(1, (db, values: [bigint]) =>
  db
    .selectFrom('article_notes')
    .select(['id', 'article_id', 'kind', 'text', 'created_at'])
    .where('article_id', '=', values[0])
    .orderBy('created_at')
    .orderBy('id'),
);

/** The notes of article `id`, oldest first. */
export async function listArticleNotes(db: Db, id: ArticleId): Promise<ArticleNote[]> {
  const rows = await noteRows(db, [bindId(id)]);
  return rows.map(toNote);
}

/**
 * Stores a note on article `id` by `authorId` at `now`.
 * @returns the note as stored.
 */
export async function insertArticleNote(
  db: Db,
  id: ArticleId,
  note: { kind: ArticleNoteKind; text: string; authorId: string },
  now: Date,
): Promise<ArticleNote> {
  const row = await db
    .insertInto('article_notes')
    .values({
      article_id: bindId(id),
      kind: note.kind,
      text: note.text,
      author_id: bindId(note.authorId),
      created_at: fromDate(now),
    })
    .returning(['id', 'article_id', 'kind', 'text', 'created_at'])
    .executeTakeFirstOrThrow();
  return toNote(row);
}

/** Deletes note `noteId` of article `id`. @returns false when article `id` has no such note. */
export async function deleteArticleNoteRow(
  db: Db,
  id: ArticleId,
  noteId: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('article_notes')
    .where('id', '=', bindId(noteId))
    .where('article_id', '=', bindId(id))
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/**
 * The latest corrections (kind `correction`) of published news articles,
 * newest first (time, then id, descending), skipping `offset`, with how
 * many there are in all. Two steps: the page of notes, then their
 * articles' summaries by key.
 */
export async function listLatestCorrectionRows(
  db: Db,
  options: { limit: number; offset: number },
): Promise<{ total: number; items: Array<{ note: ArticleNote; article: ArticleSummary }> }> {
  const published = (qb: Db) =>
    qb
      .selectFrom('article_notes')
      .innerJoin('articles', 'articles.id', 'article_notes.article_id')
      .where('article_notes.kind', '=', 'correction')
      .where('articles.status', '=', 'published')
      .where('articles.kind', '=', 'article');
  const [count, rows] = await Promise.all([
    published(db)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow(),
    published(db)
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
      .execute(),
  ]);
  const total = toInt(count.n as bigint | number | string);
  if (rows.length === 0) return { total, items: [] };
  const ids = [...new Set(rows.map((r) => toIdString(r.article_id)))];
  const summaries = await summariesByIds(db, ids.map(bindId));
  const byId = new Map(summaries.map((summary) => [String(summary.id), summary]));
  const items = rows.flatMap((row) => {
    const article = byId.get(toIdString(row.article_id));
    return article ? [{ note: toNote(row), article }] : [];
  });
  return { total, items };
}

/** A row of `article_notes` as a note (an unknown kind reads as an update). */
export function toNote(row: {
  id: string | number | bigint;
  article_id: string | number | bigint;
  kind: string;
  text: string;
  created_at: string | Date;
}): ArticleNote {
  return {
    id: toIdString(row.id),
    articleId: toArticleIdValue(row.article_id),
    kind: isArticleNoteKind(row.kind) ? row.kind : 'update',
    text: row.text,
    createdAt: toDate(row.created_at),
  };
}
