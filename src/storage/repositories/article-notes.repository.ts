/**
 * Public notes of correction and update on articles (issue 19). Functions
 * take the query builder (or a transaction) first.
 */
import { isArticleNoteKind, type ArticleNote } from '../../domain/article-note.js';
import type { ArticleId } from '../../domain/article-id.js';
import type { Db } from '../db.js';
import { bindId, toArticleIdValue, toDate, toIdString } from './convert.js';

/** The notes of article `id`, oldest first. */
export async function listArticleNotes(db: Db, id: ArticleId): Promise<ArticleNote[]> {
  const rows = await db
    .selectFrom('article_notes')
    .select(['id', 'article_id', 'kind', 'text', 'created_at'])
    .where('article_id', '=', bindId(id))
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toNote);
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
