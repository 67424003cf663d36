/**
 * Moving an article through the workflow (domain/workflow.ts): checks that
 * the move exists from the current status and that the actor may make it,
 * checks what publishing needs (a headline, a body, alt text on every
 * image), records the move, and tells listeners that the public site
 * changed.
 */
import type { ArticleId } from '../domain/article-id.js';
import type { EditableArticle } from '../domain/editable-article.js';
import { can, type Actor } from '../domain/roles.js';
import {
  movePermission,
  nextStatus,
  type ArticleStatus,
  type WorkflowMove,
} from '../domain/workflow.js';
import { AppError } from '../lib/errors.js';
import { updateStatus } from '../storage/repositories/newsroom-articles.repository.js';
import { insertEvent } from '../storage/repositories/revisions.repository.js';
import { eventOfMove } from '../domain/webhook.js';
import { enqueueWebhookEvent } from './webhooks.js';
import { loadArticle, type EditDeps } from './edit-article.js';
import { assertPublishable } from './publishable.js';
import { wireItemOfArticle } from '../storage/repositories/wire-items.repository.js';
import { changingArticle } from './public-changes.js';
import { reachReaders } from './reach.js';

export type MoveDeps = EditDeps;

/**
 * Makes `move` on the article as `actor` (null: the system, for scheduled
 * publishing). `scheduledAt` is required for `schedule`. Who may make it
 * is domain/workflow.ts's movePermission (an editor's unpublish stands
 * until an editor publishes again); on a static page, only an editor or
 * administrator (domain/roles.ts), and no webhook is sent for it.
 * Publishing a news article queues what reaches its readers (services/reach.ts).
 * @throws ARTICLE_NOT_FOUND (404); FORBIDDEN (403); MOVE_NOT_POSSIBLE (409);
 *   SCHEDULE_IN_PAST (422); PUBLISH_INCOMPLETE (422, `details.fields`);
 *   PUBLISH_MISSING_ALT (422, `details.images`); PUBLISH_WIRE_WITHDRAWN
 *   (409) when the article was made from a wire item (`articles.wire_item_id`)
 *   whose publishing status the agency set to `canceled` or `withheld`
 *   (NewsML-G2 pubStatus, NITF management-status): readers must not see it.
 */
export async function moveArticle(
  deps: MoveDeps,
  actor: Actor | null,
  id: ArticleId,
  move: WorkflowMove,
  options: { scheduledAt?: Date } = {},
): Promise<ArticleStatus> {
  const article = await loadArticle(deps, id);
  if (
    actor !== null &&
    !can(actor, movePermission(move, article), article.authorIds, article.kind)
  ) {
    throw new AppError('FORBIDDEN', `Your role does not allow this move (${move}).`);
  }
  const to = nextStatus(article.status, move);
  if (to === null) throw moveNotPossible(article.status, move);
  const now = deps.now();
  if (move === 'publish' || move === 'schedule') {
    await assertPublishable(deps.database, article);
    await assertWireItemUsable(deps, id);
  }
  if (move === 'schedule' && (!options.scheduledAt || options.scheduledAt <= now)) {
    throw new AppError('SCHEDULE_IN_PAST', 'Choose a publishing time in the future.');
  }
  const change = statusChange(article, move, to, now, options.scheduledAt);
  const event = eventOfMove(article.status, to);
  await changingArticle(deps, id, () =>
    deps.database.db.transaction().execute(async (trx) => {
      // Another instance's scheduler, or another editor, may have moved it meanwhile.
      if (!(await updateStatus(trx, id, change, now, article.status)))
        throw moveNotPossible(article.status, move);
      // Webhooks report news articles; a static page is not one (its path is /p/<slug>).
      if (event && article.kind === 'article') {
        await enqueueWebhookEvent(
          trx,
          event,
          {
            id,
            headline: article.headline,
            slug: article.slug,
            publishedAt:
              ('publishedAt' in change ? change.publishedAt : null) ?? article.publishedAt,
          },
          now,
        );
      }
      // Readers who asked to be told (push, email, Telegram): queued with the publish itself.
      if (to === 'published' && article.kind === 'article') {
        const breaking = article.breakingUntil !== null && article.breakingUntil > now;
        await reachReaders(trx, id, breaking ? 'breaking' : 'published', now, actor?.id ?? null);
      }
      await insertEvent(
        trx,
        {
          articleId: id,
          userId: actor?.id ?? null,
          move,
          fromStatus: article.status,
          toStatus: to,
        },
        now,
      );
    }),
  );
  return to;
}

/** Refuses publishing an article whose wire item the agency withdrew or withheld. */
async function assertWireItemUsable(deps: MoveDeps, id: ArticleId): Promise<void> {
  const wire = await wireItemOfArticle(deps.database.db, String(id));
  if (wire && wire.status !== 'usable') {
    throw new AppError(
      'PUBLISH_WIRE_WITHDRAWN',
      `The agency set the wire item this article was made from to ${wire.status}.`,
    );
  }
}

function moveNotPossible(status: ArticleStatus, move: WorkflowMove): AppError {
  return new AppError(
    'MOVE_NOT_POSSIBLE',
    `An article that is ${status} cannot be moved by ${move}.`,
  );
}

/**
 * The status columns a move writes. A republished article keeps its first
 * publish time; a scheduled one is dated at its scheduled time when that
 * has come (the scheduler's run, a little late), else now (published
 * ahead of its time: readers see it now, so it is dated now, not in the
 * future at the top of every list and feed).
 */
function statusChange(
  article: EditableArticle,
  move: WorkflowMove,
  to: ArticleStatus,
  now: Date,
  scheduledAt: Date | undefined,
) {
  switch (move) {
    case 'publish':
      return {
        status: to,
        publishedAt:
          article.status === 'scheduled'
            ? article.scheduledAt !== null && article.scheduledAt < now
              ? article.scheduledAt
              : now
            : (article.publishedAt ?? now),
        scheduledAt: null,
      };
    case 'schedule':
      return { status: to, scheduledAt: scheduledAt ?? null };
    case 'unschedule':
      return { status: to, scheduledAt: null };
    case 'submit':
    case 'return':
    case 'unpublish':
    case 'archive':
    case 'restore':
      return { status: to };
  }
}
