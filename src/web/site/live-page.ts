/**
 * What a page of a live article shows of its updates (issue 19), read
 * through the live coverage service for the article route.
 */
import type { ArticleId } from '../../domain/article.js';
import type { Database } from '../../services/database.js';
import { listLiveUpdates } from '../../services/live-coverage.js';
import {
  LIVE_PAGE_SIZE,
  livePageUpdates,
  type LivePageUpdates,
} from '../views/components/live-coverage.js';

/**
 * Updates read for a first page: its pinned and key updates are looked
 * for among these newest ones (a coverage rarely passes a few hundred
 * updates; an older pinned or key one is then left out of the top).
 */
export const LIVE_FIRST_PAGE_READ = 500;

/**
 * The updates of article `id`'s page below update `before` (null: the
 * first page, with the pinned and key updates), at most LIVE_PAGE_SIZE,
 * newest first, knowing whether older ones remain.
 */
export async function readLivePage(
  deps: { database: Database },
  id: ArticleId,
  before: number | null,
): Promise<LivePageUpdates> {
  if (before !== null) {
    const page = await listLiveUpdates(deps, id, {
      limit: LIVE_PAGE_SIZE + 1,
      beforeNumber: before,
    });
    return livePageUpdates({ page, pinned: [], key: [], before });
  }
  const recent = await listLiveUpdates(deps, id, { limit: LIVE_FIRST_PAGE_READ });
  return livePageUpdates({
    page: recent.slice(0, LIVE_PAGE_SIZE + 1),
    pinned: recent.filter((u) => u.pinned),
    key: recent.filter((u) => u.key),
    before: null,
  });
}
