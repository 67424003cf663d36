/**
 * Public notes of correction and update (issue 19): the site's latest
 * corrections (the corrections page), removing a note, and checking a
 * note's text. A note is added with a save of a published article
 * (edit-article.ts `saveArticle`, `options.note`), in that save's
 * transaction.
 */
import type { ArticleId } from '../domain/article-id.js';
import type { ArticleSummary } from '../domain/article.js';
import {
  ARTICLE_NOTE_MAX,
  isArticleNoteKind,
  type ArticleNote,
  type ArticleNoteKind,
} from '../domain/article-note.js';
import { removeBidiControls } from '../arabic/clean.js';
import { charLength, cleanText } from '../domain/field-limits.js';
import { can, type Actor } from '../domain/roles.js';
import { AppError, InvalidInput } from '../lib/errors.js';
import type { Database } from '../storage/database.js';
import {
  deleteArticleNoteRow,
  listLatestCorrectionRows,
} from '../storage/repositories/article-notes.repository.js';
import type { EditDeps } from './edit-article.js';
import { changingArticle, tellPublicChange } from './public-changes.js';

/** Most corrections one page of the list holds. */
export const CORRECTIONS_PAGE_MAX = 100;

/** Corrections a page of `/corrections` lists (the site's pages and a mirror's). */
export const CORRECTIONS_PER_PAGE = 20;

/**
 * The latest corrections (not updates) of published news articles,
 * newest first, with the article each is on, skipping `offset`; `total`
 * counts them all. `limit` is capped at CORRECTIONS_PAGE_MAX; a negative
 * or fractional limit or offset counts as 0 (whole numbers down).
 */
export async function listLatestCorrections(
  deps: { database: Database },
  options: { limit: number; offset: number },
): Promise<{ total: number; items: Array<{ note: ArticleNote; article: ArticleSummary }> }> {
  const whole = (n: number) => (Number.isFinite(n) && n > 0 ? Math.floor(n) : 0);
  return listLatestCorrectionRows(deps.database.db, {
    limit: Math.min(whole(options.limit), CORRECTIONS_PAGE_MAX),
    offset: whole(options.offset),
  });
}

/**
 * Deletes note `noteId` of article `id` (a note added by mistake), and
 * purges the article's pages and the corrections page. Does not move
 * dateModified back.
 * @throws FORBIDDEN (not an editor or administrator: `article.edit.any`),
 *   ARTICLE_NOTE_NOT_FOUND (404; also for an id that is not a number).
 */
export async function deleteArticleNote(
  deps: EditDeps,
  actor: Actor,
  articleId: ArticleId,
  noteId: string,
): Promise<void> {
  if (!can(actor, 'article.edit.any'))
    throw new AppError('FORBIDDEN', 'Only editors and administrators delete public notes.');
  const remove = async () => {
    const deleted =
      /^[1-9][0-9]{0,18}$/.test(noteId) &&
      (await deleteArticleNoteRow(deps.database.db, articleId, noteId));
    if (!deleted)
      throw new AppError('ARTICLE_NOTE_NOT_FOUND', `No note ${noteId} on this article.`);
  };
  // Told as an article change (its pages purged), as a save is; and to the
  // corrections page, which may list it (an update note's removal purges it too: rare, harmless).
  await changingArticle(deps, articleId, remove);
  tellPublicChange(deps, { kind: 'corrections' });
}

/** A note as a save adds it: its kind and its text, already checked. */
export interface CheckedNote {
  kind: ArticleNoteKind;
  text: string;
}

/**
 * A note's text as stored: the characters XML forbids removed, and the bidi
 * embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069:
 * an override shows the note reversed), as a headline's (cleanLine); line
 * breaks kept; trimmed;
 * 1 to ARTICLE_NOTE_MAX characters. The kind must be one of the two.
 * @throws InvalidInput `note_kind` ARTICLE_NOTE_KIND_INVALID; `note_text`
 *   ARTICLE_NOTE_EMPTY, ARTICLE_NOTE_TOO_LONG (`max`).
 */
export function checkedNote(note: { kind: unknown; text: string }): CheckedNote {
  if (!isArticleNoteKind(note.kind))
    throw new InvalidInput('ARTICLE_NOTE_KIND_INVALID', 'note_kind', 'Unknown kind of note.');
  const text = removeBidiControls(cleanText(note.text)).trim();
  if (text === '')
    throw new InvalidInput('ARTICLE_NOTE_EMPTY', 'note_text', 'The public note has no text.');
  if (charLength(text) > ARTICLE_NOTE_MAX) {
    throw new InvalidInput(
      'ARTICLE_NOTE_TOO_LONG',
      'note_text',
      `The public note is too long: at most ${ARTICLE_NOTE_MAX} characters.`,
      { max: ARTICLE_NOTE_MAX },
    );
  }
  return { kind: note.kind, text };
}
