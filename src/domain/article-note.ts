/**
 * Corrections and updates in the open (issue 19): when an editor changes a
 * published article, they may add a public note saying what changed, as
 * the newspapers' corrections policies ask (a correction: «تصحيح: ورد في
 * نسخة سابقة…»; an update: «تحديث: أضيفت تصريحات…»). Notes show on the
 * article in order, in its JSON-LD (schema.org `correction`) and feeds; the
 * site's corrections page lists the latest corrections. Plain data, no I/O.
 */
import type { ArticleId } from './article-id.js';

/** The two kinds of public note. */
export const ARTICLE_NOTE_KINDS = ['correction', 'update'] as const;
export type ArticleNoteKind = (typeof ARTICLE_NOTE_KINDS)[number];

/** True when `value` names a kind of note. */
export function isArticleNoteKind(value: unknown): value is ArticleNoteKind {
  return value === 'correction' || value === 'update';
}

/** Longest note, in characters. */
export const ARTICLE_NOTE_MAX = 1000;

/** A public note on an article. */
export interface ArticleNote {
  id: string;
  articleId: ArticleId;
  kind: ArticleNoteKind;
  /** Plain text (no HTML), without the kind's label («تصحيح:» is the page's). */
  text: string;
  /** When it was added, UTC. */
  createdAt: Date;
}
