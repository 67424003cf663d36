/**
 * The editorial workflow: an article's states and the moves between them.
 * Pure rules; the services check who may make a move (domain/roles.ts) and
 * record who made it and when.
 *
 *   draft ──submit──▶ pending ──return──▶ draft
 *   draft|pending ──publish──▶ published ──unpublish──▶ unpublished ──publish──▶ published
 *   draft|pending ──schedule──▶ scheduled ──(time comes)──▶ published
 *   scheduled ──unschedule──▶ draft
 *   draft|pending|published|unpublished ──archive──▶ archived ──restore──▶ draft
 */
import { PERMISSIONS, type Action, type ArticleVerb, type Role } from './roles.js';

export const ARTICLE_STATUSES = [
  'draft',
  'pending',
  'scheduled',
  'published',
  'unpublished',
  'archived',
] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export const WORKFLOW_MOVES = [
  'submit',
  'return',
  'publish',
  'schedule',
  'unschedule',
  'unpublish',
  'archive',
  'restore',
] as const;
export type WorkflowMove = (typeof WORKFLOW_MOVES)[number];

/** Where each move may start, and where it leads. */
const MOVES: Readonly<Record<WorkflowMove, { from: readonly ArticleStatus[]; to: ArticleStatus }>> =
  {
    submit: { from: ['draft'], to: 'pending' },
    return: { from: ['pending'], to: 'draft' },
    publish: { from: ['draft', 'pending', 'unpublished', 'scheduled'], to: 'published' },
    schedule: { from: ['draft', 'pending'], to: 'scheduled' },
    unschedule: { from: ['scheduled'], to: 'draft' },
    unpublish: { from: ['published'], to: 'unpublished' },
    archive: { from: ['draft', 'pending', 'published', 'unpublished'], to: 'archived' },
    restore: { from: ['archived'], to: 'draft' },
  };

/**
 * The permission a move needs: an article verb (checked against the
 * article's bylines) or a plain action. `return` is the editor's "send back
 * to the writer", or a writer taking back their own submission.
 */
export const MOVE_PERMISSION: Readonly<
  Record<WorkflowMove, ArticleVerb | 'article.schedule' | 'article.archive'>
> = {
  submit: 'article.submit',
  return: 'article.edit',
  publish: 'article.publish',
  schedule: 'article.schedule',
  unschedule: 'article.schedule',
  unpublish: 'article.unpublish',
  archive: 'article.archive',
  restore: 'article.archive',
};

/**
 * The permission `move` needs on this article: MOVE_PERMISSION, except that
 * an article an editor took down stays down until an editor publishes it
 * again. Once someone with `article.unpublish.any` (an editor or an
 * administrator) has unpublished it, publishing needs `article.publish.any`:
 * an author's right to publish their own articles does not undo an
 * editor's decision (issue 13: an author had republished an article that
 * an editor had unpublished).
 *
 * @example movePermission('publish', { status: 'unpublished', unpublishedByRole: 'editor' })
 *   === 'article.publish.any'
 */
export function movePermission(
  move: WorkflowMove,
  article: { status: ArticleStatus; unpublishedByRole: Role | null },
): (typeof MOVE_PERMISSION)[WorkflowMove] | Extract<Action, 'article.publish.any'> {
  const byEditor =
    article.unpublishedByRole !== null &&
    PERMISSIONS[article.unpublishedByRole].has('article.unpublish.any');
  return move === 'publish' && article.status === 'unpublished' && byEditor
    ? 'article.publish.any'
    : MOVE_PERMISSION[move];
}

/** The status a move leads to from `status`, or null when the move is not possible there. */
export function nextStatus(status: ArticleStatus, move: WorkflowMove): ArticleStatus | null {
  const rule = MOVES[move];
  return rule.from.includes(status) ? rule.to : null;
}

/** The moves possible from `status`, in a stable order. */
export function movesFrom(status: ArticleStatus): WorkflowMove[] {
  return WORKFLOW_MOVES.filter((move) => nextStatus(status, move) !== null);
}

/** True when `value` is an article status. */
export function isArticleStatus(value: unknown): value is ArticleStatus {
  return typeof value === 'string' && (ARTICLE_STATUSES as readonly string[]).includes(value);
}

/** True when readers can see an article in this status. */
export function isPublic(status: ArticleStatus): boolean {
  return status === 'published';
}
