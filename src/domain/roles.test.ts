import { describe, expect, it } from 'vitest';
import { ACTIONS, can, PERMISSIONS, type Action, type Role } from './roles.js';

const actor = (role: Role) => ({ id: '7', role });

describe('the permission matrix', () => {
  // One row per action: which roles may take it. Reading this table is reading the policy.
  const MATRIX: Record<Action, Role[]> = {
    'newsroom.enter': ['contributor', 'author', 'editor', 'administrator'],
    'article.create': ['contributor', 'author', 'editor', 'administrator'],
    'article.edit.own': ['contributor', 'author', 'editor', 'administrator'],
    'article.edit.any': ['editor', 'administrator'],
    'article.submit.own': ['contributor', 'author', 'editor', 'administrator'],
    'article.publish.own': ['author', 'editor', 'administrator'],
    'article.publish.any': ['editor', 'administrator'],
    'article.schedule': ['editor', 'administrator'],
    'article.unpublish.own': ['author', 'editor', 'administrator'],
    'article.unpublish.any': ['editor', 'administrator'],
    'article.archive': ['editor', 'administrator'],
    'article.breaking': ['editor', 'administrator'],
    'article.lead': ['editor', 'administrator'],
    'page.manage': ['editor', 'administrator'],
    'media.upload': ['contributor', 'author', 'editor', 'administrator'],
    'media.edit.any': ['editor', 'administrator'],
    'section.manage': ['editor', 'administrator'],
    'tag.create': ['contributor', 'author', 'editor', 'administrator'],
    'tag.manage': ['editor', 'administrator'],
    'redirect.manage': ['editor', 'administrator'],
    'user.manage': ['administrator'],
    'settings.manage': ['administrator'],
    'apikey.manage': ['administrator'],
    'webhook.manage': ['administrator'],
    'stats.view': ['editor', 'administrator'],
    'wire.view': ['editor', 'administrator'],
    'wire.use': ['editor', 'administrator'],
    'wire.manage': ['administrator'],
    'article.live': ['editor', 'administrator'],
    'reader.alert': ['editor', 'administrator'],
    'newsletter.manage': ['editor', 'administrator'],
    'live.post': ['author', 'editor', 'administrator'],
    'live.edit.own': ['author', 'editor', 'administrator'],
    'live.edit.any': ['editor', 'administrator'],
  };

  it.each(ACTIONS.map((a) => [a, MATRIX[a]] as const))(
    '%s is allowed to %j only',
    (action, roles) => {
      for (const role of Object.keys(PERMISSIONS) as Role[]) {
        expect([role, can(actor(role), action)]).toEqual([role, roles.includes(role)]);
      }
    },
  );

  it('lets a contributor edit their own article but not another', () => {
    expect(can(actor('contributor'), 'article.edit', ['7'])).toBe(true);
    expect(can(actor('contributor'), 'article.edit', ['8'])).toBe(false);
  });

  it('lets an author publish their own article but not another, and never lets a contributor publish', () => {
    expect(can(actor('author'), 'article.publish', ['3', '7'])).toBe(true);
    expect(can(actor('author'), 'article.publish', ['8'])).toBe(false);
    expect(can(actor('contributor'), 'article.publish', ['7'])).toBe(false);
  });

  it('lets an editor publish any article', () => {
    expect(can(actor('editor'), 'article.publish', ['8'])).toBe(true);
  });

  // Every verb on a static page, for each role, as its own byline: only editors and administrators.
  it.each([
    ['contributor', false],
    ['author', false],
    ['editor', true],
    ['administrator', true],
  ] as const)('lets a %s handle a static page: %s', (role, allowed) => {
    const verbs = [
      'article.create',
      'article.edit',
      'article.submit',
      'article.publish',
      'article.unpublish',
      'article.schedule',
      'article.archive',
    ] as const;
    expect(verbs.map((verb) => [verb, can(actor(role), verb, ['7'], 'page')])).toEqual(
      verbs.map((verb) => [verb, allowed]),
    );
  });

  it('keeps the article rules for an article passed as one', () => {
    expect(can(actor('author'), 'article.publish', ['7'], 'article')).toBe(true);
    expect(can(actor('contributor'), 'article.create', [], 'article')).toBe(true);
  });

  it('refuses everything to nobody', () => {
    expect(ACTIONS.some((a) => can(null, a))).toBe(false);
  });
});
