import { describe, expect, it } from 'vitest';
import {
  ARTICLE_STATUSES,
  movePermission,
  movesFrom,
  nextStatus,
  WORKFLOW_MOVES,
} from './workflow.js';

describe('the editorial workflow', () => {
  // Every (status, move) pair: where it leads, or '—' when the move is impossible there.
  const TABLE: Record<string, Record<string, string>> = {
    draft: {
      submit: 'pending',
      return: '—',
      publish: 'published',
      schedule: 'scheduled',
      unschedule: '—',
      unpublish: '—',
      archive: 'archived',
      restore: '—',
    },
    pending: {
      submit: '—',
      return: 'draft',
      publish: 'published',
      schedule: 'scheduled',
      unschedule: '—',
      unpublish: '—',
      archive: 'archived',
      restore: '—',
    },
    scheduled: {
      submit: '—',
      return: '—',
      publish: 'published',
      schedule: '—',
      unschedule: 'draft',
      unpublish: '—',
      archive: '—',
      restore: '—',
    },
    published: {
      submit: '—',
      return: '—',
      publish: '—',
      schedule: '—',
      unschedule: '—',
      unpublish: 'unpublished',
      archive: 'archived',
      restore: '—',
    },
    unpublished: {
      submit: '—',
      return: '—',
      publish: 'published',
      schedule: '—',
      unschedule: '—',
      unpublish: '—',
      archive: 'archived',
      restore: '—',
    },
    archived: {
      submit: '—',
      return: '—',
      publish: '—',
      schedule: '—',
      unschedule: '—',
      unpublish: '—',
      archive: '—',
      restore: 'draft',
    },
  };

  it.each(ARTICLE_STATUSES.flatMap((s) => WORKFLOW_MOVES.map((m) => [s, m] as const)))(
    'from %s, %s',
    (status, move) => {
      expect(nextStatus(status, move) ?? '—').toBe(TABLE[status]?.[move]);
    },
  );

  it('lists the moves possible from a draft', () => {
    expect(movesFrom('draft')).toEqual(['submit', 'publish', 'schedule', 'archive']);
  });
});

describe('who may publish an unpublished article', () => {
  it.each([
    ['editor', 'article.publish.any'],
    ['administrator', 'article.publish.any'],
    ['author', 'article.publish'],
    [null, 'article.publish'],
  ] as const)('after an unpublish by %s, publishing needs %s', (role, permission) => {
    expect(movePermission('publish', { status: 'unpublished', unpublishedByRole: role })).toBe(
      permission,
    );
  });

  it('asks only the usual permission of every other move', () => {
    expect(
      WORKFLOW_MOVES.map((move) =>
        movePermission(move, { status: 'unpublished', unpublishedByRole: 'editor' }),
      ),
    ).toEqual([
      'article.submit',
      'article.edit',
      'article.publish.any',
      'article.schedule',
      'article.schedule',
      'article.unpublish',
      'article.archive',
      'article.archive',
    ]);
  });
});
