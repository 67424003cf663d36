/**
 * Telling the page cache (and, through it, the other instances and a CDN)
 * what a newsroom action changed on the public site. The listener is
 * called after the change is committed; see domain/public-change.ts for
 * what it evicts.
 */
import type { ArticleId } from '../domain/article-id.js';
import type { PublicChange, PublicChangeListener } from '../domain/public-change.js';
import type { Database } from '../storage/database.js';
import { findPlacement } from '../storage/repositories/newsroom-articles.repository.js';

/** What a service needs to tell public changes. */
export interface PublicChangeDeps {
  database: Database;
  /** Absent in the CLI and in tests that do not watch: then nothing is told. */
  onPublicChange?: PublicChangeListener;
}

/**
 * Runs `change` on article `id` and, when the article was or is now
 * published, tells the listener its placement before and after.
 * Without a listener it only runs `change`.
 */
export async function changingArticle<T>(
  deps: PublicChangeDeps,
  id: ArticleId,
  change: () => Promise<T>,
): Promise<T> {
  const listener = deps.onPublicChange;
  if (!listener) return change();
  const before = await findPlacement(deps.database.db, id);
  const result = await change();
  const after = await findPlacement(deps.database.db, id);
  if (before !== null || after !== null) {
    listener({ kind: 'article', articleId: id, before, after });
  }
  return result;
}

/** Tells the listener, if any, of a change that is not one article's. */
export function tellPublicChange(deps: PublicChangeDeps, change: PublicChange): void {
  deps.onPublicChange?.(change);
}
