/**
 * Scheduled publishing: every scheduled article whose time has come is
 * published, dated at its scheduled time. Run at start (so that articles
 * whose time passed while the server was down go out at once) and then
 * every SCHEDULER_INTERVAL_MS.
 */
import type { ArticleId } from '../domain/article-id.js';
import { hasCode } from '../lib/errors.js';
import { findDueScheduled } from '../storage/repositories/newsroom-articles.repository.js';
import { moveArticle, type MoveDeps } from './move-article.js';

/** How often the scheduler looks for due articles, ms. */
export const SCHEDULER_INTERVAL_MS = 30_000;

/**
 * Publishes the due articles; returns their ids. An article that can no
 * longer be published (changed meanwhile, or made from a wire item its
 * agency withdrew since) is skipped; other errors go to `onError` and the
 * rest still go out.
 */
export async function publishDueArticles(
  deps: MoveDeps,
  onError: (error: unknown, id: ArticleId) => void = () => {},
): Promise<ArticleId[]> {
  const published: ArticleId[] = [];
  for (const id of await findDueScheduled(deps.database.db, deps.now())) {
    try {
      await moveArticle(deps, null, id, 'publish');
      published.push(id);
    } catch (error) {
      // Changed meanwhile, or its agency withdrew the story (the editor says so): it waits,
      // scheduled, for a person, and is not reported again every round.
      if (!hasCode(error, 'MOVE_NOT_POSSIBLE') && !hasCode(error, 'PUBLISH_WIRE_WITHDRAWN'))
        onError(error, id);
    }
  }
  return published;
}

/** Runs publishDueArticles now and every `intervalMs`; returns the function that stops it. */
export function startScheduler(
  deps: MoveDeps,
  options: { intervalMs?: number; onError?: (error: unknown, id?: ArticleId) => void } = {},
): () => void {
  const run = () => {
    publishDueArticles(deps, options.onError).catch((error) => options.onError?.(error));
  };
  run();
  const timer = setInterval(run, options.intervalMs ?? SCHEDULER_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
