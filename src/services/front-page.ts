/**
 * What editors decide about the front of the site: the lead story pinned
 * on the home page, and breaking news, whose ticker shows on every page
 * until the flag expires. A static page is neither: it is in no listing.
 */
import type { ArticleId } from '../domain/article-id.js';
import { can, type Actor } from '../domain/roles.js';
import { AppError } from '../lib/errors.js';
import { updateBreakingUntil } from '../storage/repositories/newsroom-articles.repository.js';
import { getSetting, setSetting } from '../storage/repositories/settings.repository.js';
import { loadArticle, type EditDeps } from './edit-article.js';
import { changingArticle, tellPublicChange } from './public-changes.js';
import { reachReaders } from './reach.js';

import { LEAD_SETTING_KEY as LEAD_SETTING } from './read-pages.js';
/** Longest a breaking-news flag may last, ms (48 hours). */
export const MAX_BREAKING_MS = 48 * 3600_000;

export type FrontPageDeps = EditDeps;

/**
 * Flags the article as breaking news for `minutes` (1 to 48 hours' worth),
 * or clears the flag with 0. Flagging a published article queues what
 * reaches its readers (services/reach.ts): each channel sends it once.
 * @throws FORBIDDEN (also for a static page), ARTICLE_NOT_FOUND, BREAKING_TOO_LONG (422).
 */
export async function setBreaking(
  deps: FrontPageDeps,
  actor: Actor,
  id: ArticleId,
  minutes: number,
): Promise<Date | null> {
  if (!can(actor, 'article.breaking')) {
    throw new AppError('FORBIDDEN', 'Only editors mark breaking news.');
  }
  const article = await loadArticle(deps, id);
  if (article.kind === 'page') {
    throw new AppError('FORBIDDEN', 'A static page is never breaking news.');
  }
  if (!Number.isInteger(minutes) || minutes < 0 || minutes * 60_000 > MAX_BREAKING_MS) {
    throw new AppError(
      'BREAKING_TOO_LONG',
      'A breaking-news flag lasts from 1 minute to 48 hours.',
    );
  }
  const now = deps.now();
  const until = minutes === 0 ? null : new Date(now.getTime() + minutes * 60_000);
  await changingArticle(deps, id, () =>
    deps.database.db.transaction().execute(async (trx) => {
      await updateBreakingUntil(trx, id, until);
      // A published article becoming breaking news reaches its readers (push, email, Telegram), once.
      if (until !== null && article.status === 'published') {
        await reachReaders(trx, id, 'breaking', now, actor.id);
      }
    }),
  );
  return until;
}

/** What a breaking-news choice did: set (or moved) the end, cancelled the flag, or nothing. */
export type BreakingOutcome = 'set' | 'cancelled' | 'unchanged';

/**
 * Applies an editor's breaking-news choice: `minutes` null keeps the flag
 * as it is (the control's default, so submitting it untouched never
 * changes anything), 0 cancels it, and 1 minute to 48 hours flags the
 * article until then. Cancelling an article that is not breaking changes
 * nothing and says so.
 * @returns the outcome, and the end of the flag afterwards (null: not breaking).
 * @throws as setBreaking does.
 */
export async function chooseBreaking(
  deps: FrontPageDeps,
  actor: Actor,
  id: ArticleId,
  minutes: number | null,
): Promise<{ outcome: BreakingOutcome; until: Date | null }> {
  if (!can(actor, 'article.breaking')) {
    throw new AppError('FORBIDDEN', 'Only editors mark breaking news.');
  }
  const article = await loadArticle(deps, id);
  const current =
    article.breakingUntil && article.breakingUntil > deps.now() ? article.breakingUntil : null;
  if (minutes === null || (minutes === 0 && current === null)) {
    if (article.kind === 'page') {
      throw new AppError('FORBIDDEN', 'A static page is never breaking news.');
    }
    return { outcome: 'unchanged', until: current };
  }
  const until = await setBreaking(deps, actor, id, minutes);
  return { outcome: until === null ? 'cancelled' : 'set', until };
}

/**
 * Pins the article as the home page's lead story, or unpins with null.
 * @throws FORBIDDEN (also for a static page), ARTICLE_NOT_FOUND.
 */
export async function pinLead(
  deps: FrontPageDeps,
  actor: Actor,
  id: ArticleId | null,
): Promise<void> {
  if (!can(actor, 'article.lead')) {
    throw new AppError('FORBIDDEN', 'Only editors choose the lead story.');
  }
  if (id !== null && (await loadArticle(deps, id)).kind === 'page') {
    throw new AppError('FORBIDDEN', 'A static page is never the lead story.');
  }
  await setSetting(deps.database.db, LEAD_SETTING, id);
  tellPublicChange(deps, { kind: 'front-page' });
}

/** The pinned lead story's id, or null. */
export async function pinnedLeadId(deps: EditDeps): Promise<string | null> {
  return getSetting(deps.database.db, LEAD_SETTING);
}
