/**
 * What the newsroom's live desk (`/admin/articles/<id>/live`) and the
 * article editor's live panel show: the article, its live coverage, its
 * public notes and its updates, newest first, and who may open the desk.
 * The changes themselves (start, end, post, edit, delete) are
 * services/live-coverage.ts's; the notes' deletion is
 * services/article-notes.ts's.
 */
import type { ArticleNote } from '../domain/article-note.js';
import type { ArticleId } from '../domain/article-id.js';
import type { EditableArticle } from '../domain/editable-article.js';
import type { LiveCoverage, LiveUpdate } from '../domain/live-coverage.js';
import { can, type Actor } from '../domain/roles.js';
import { AppError } from '../lib/errors.js';
import { findArticleForPreview } from '../storage/repositories/articles.repository.js';
import { loadArticle, mayView, type EditDeps } from './edit-article.js';
import { countLiveUpdates, listLiveUpdates } from './live-coverage.js';

/** Updates the desk shows at once (the newest); older ones are a link away. */
export const DESK_UPDATES_LIMIT = 50;

/** An article's live coverage and public notes, whatever its status. */
export interface LiveAndNotes {
  /** Null when the article never was live. */
  live: LiveCoverage | null;
  /** Oldest first. */
  notes: ArticleNote[];
}

/**
 * The live coverage and notes of article `id`, in any status.
 * @throws AppError ARTICLE_NOT_FOUND (404).
 */
export async function liveAndNotesOf(deps: EditDeps, id: ArticleId): Promise<LiveAndNotes> {
  const article = await findArticleForPreview(deps.database.db, id);
  if (!article) throw new AppError('ARTICLE_NOT_FOUND', 'No such article.');
  return { live: article.live, notes: article.notes };
}

/**
 * True when `actor` may open the desk of `article`: whoever may see it in
 * the newsroom (its bylines, editors), and, once it has live coverage,
 * every writer (authors post to any live article, `live.post`;
 * contributors read it). A static page never has a desk.
 */
export function mayOpenLiveDesk(
  actor: Actor,
  article: EditableArticle,
  live: LiveCoverage | null,
): boolean {
  if (article.kind === 'page') return false;
  return mayView(actor, article) || (live !== null && can(actor, 'newsroom.enter'));
}

/** True when `actor` may edit or delete `update` (own for authors, any for editors). */
export function mayChangeLiveUpdate(actor: Actor, update: LiveUpdate): boolean {
  return (
    can(actor, 'live.edit.any') || (can(actor, 'live.edit.own') && update.author?.id === actor.id)
  );
}

/** What the live desk shows. */
export interface LiveDeskContent {
  article: EditableArticle;
  live: LiveCoverage | null;
  /** Newest first: at most DESK_UPDATES_LIMIT, before `beforeNumber` when asked. */
  updates: LiveUpdate[];
  /** The number to ask `beforeNumber` for the next older page; null when there is none. */
  olderBefore: number | null;
  /** How many updates the coverage has in all. */
  total: number;
  /**
   * Changes whenever what the desk shows may have changed (an update
   * posted, edited or deleted; the coverage started or ended): the desk's
   * script polls with it and redraws only on a difference.
   */
  signature: string;
}

/**
 * The desk of article `id` as `actor` sees it; with `beforeNumber`, the
 * page of updates older than that number.
 * @throws AppError ARTICLE_NOT_FOUND (404); FORBIDDEN (403) when the actor
 *   may not open it (mayOpenLiveDesk).
 */
export async function liveDeskContent(
  deps: EditDeps,
  actor: Actor,
  id: ArticleId,
  options: { beforeNumber?: number } = {},
): Promise<LiveDeskContent> {
  const [article, { live }] = await Promise.all([loadArticle(deps, id), liveAndNotesOf(deps, id)]);
  if (!mayOpenLiveDesk(actor, article, live)) {
    throw new AppError('FORBIDDEN', 'Your role does not allow opening this live desk.');
  }
  const [listed, total] = await Promise.all([
    listLiveUpdates(deps, id, {
      limit: DESK_UPDATES_LIMIT + 1,
      ...(options.beforeNumber === undefined ? {} : { beforeNumber: options.beforeNumber }),
    }),
    countLiveUpdates(deps, id),
  ]);
  const updates = listed.slice(0, DESK_UPDATES_LIMIT);
  const olderBefore = listed.length > DESK_UPDATES_LIMIT ? (updates.at(-1)?.number ?? null) : null;
  return {
    article,
    live,
    updates,
    olderBefore,
    total,
    signature: deskSignature(live, updates, total),
  };
}

/**
 * The desk's signature: the coverage's state, the number of updates, and
 * the newest number and latest change among those shown. An edit moves
 * `updatedAt`, a post the newest number, a deletion the count.
 */
export function deskSignature(
  live: LiveCoverage | null,
  updates: readonly LiveUpdate[],
  total: number,
): string {
  const newest = updates.reduce((n, u) => Math.max(n, u.number), 0);
  const changed = updates.reduce((t, u) => Math.max(t, u.updatedAt.getTime()), 0);
  return `${live?.state ?? 'none'}.${total}.${newest}.${changed}`;
}
