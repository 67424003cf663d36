/**
 * Rows of live coverage and public notes written straight into a test
 * database, at exact times, for the tests of what machines read (feeds,
 * the Content API, sitemaps, the corrections page): they test the reading,
 * so they do not depend on the newsroom's services to write.
 */
import type { ArticleId } from '../../src/domain/article-id.js';
import type { ArticleNoteKind } from '../../src/domain/article-note.js';
import type { LiveState } from '../../src/domain/live-coverage.js';
import type { Database } from '../../src/storage/database.js';

/** Makes article `id` live (or ended) since `startedAt`, with `next` as the next update number. */
export async function setLive(
  database: Database,
  id: ArticleId,
  live: { state: LiveState; startedAt: Date; endedAt?: Date | null; next: number },
): Promise<void> {
  await database.db
    .updateTable('articles')
    .set({
      live_state: live.state,
      live_started_at: live.startedAt.toISOString(),
      live_ended_at: live.endedAt ? live.endedAt.toISOString() : null,
      live_next_number: live.next,
    })
    .where('id', '=', BigInt(id))
    .execute();
}

/** Sets article `id`'s `modified_at` (its dateModified). */
export async function setModifiedAt(database: Database, id: ArticleId, at: Date): Promise<void> {
  await database.db
    .updateTable('articles')
    .set({ modified_at: at.toISOString() })
    .where('id', '=', BigInt(id))
    .execute();
}

/** Stores update `number` of article `id`, posted by `authorId` (null: no author) at `at`. */
export async function insertUpdate(
  database: Database,
  id: ArticleId,
  update: {
    number: number;
    headline: string;
    bodyHtml: string;
    at: Date;
    authorId: string | null;
    key?: boolean;
    pinned?: boolean;
    updatedAt?: Date;
  },
): Promise<void> {
  await database.db
    .insertInto('live_updates')
    .values({
      article_id: BigInt(id),
      number: update.number,
      headline: update.headline,
      body_html: update.bodyHtml,
      author_id: update.authorId === null ? null : BigInt(update.authorId),
      is_key: update.key ? 1 : 0,
      pinned: update.pinned ? 1 : 0,
      created_at: update.at.toISOString(),
      updated_at: (update.updatedAt ?? update.at).toISOString(),
    })
    .execute();
}

/** Stores a public note of `kind` on article `id` at `at`. */
export async function insertNote(
  database: Database,
  id: ArticleId,
  note: { kind: ArticleNoteKind; text: string; at: Date; authorId: string | null },
): Promise<void> {
  await database.db
    .insertInto('article_notes')
    .values({
      article_id: BigInt(id),
      kind: note.kind,
      text: note.text,
      author_id: note.authorId === null ? null : BigInt(note.authorId),
      created_at: note.at.toISOString(),
    })
    .execute();
}

/** `at` plus `minutes`. */
export const plusMinutes = (at: Date, minutes: number): Date =>
  new Date(at.getTime() + minutes * 60_000);
