/**
 * The newsroom's roles and what each may do: the permission matrix, in one
 * place. Every admin route and API action names one `Action`, and `can()`
 * is the only judge.
 *
 * Role names are the standard ones of news platforms (WordPress and Ghost
 * use the same four): a contributor writes drafts and submits them for
 * review; an author also publishes their own articles; an editor handles
 * every article, sections, tags, scheduling, breaking news and the lead
 * story; an administrator also manages users and settings.
 *
 * Static pages («من نحن», «اتصل بنا», «سياسة الخصوصية»: an article row of
 * kind `page`) speak for the whole site, so every verb on one needs
 * `page.manage`, an editor's or administrator's: a contributor or author
 * may not create, edit, submit, publish or unpublish a page, even as its
 * byline (issue 15). Which pages the footer menu lists is a setting
 * (`settings.manage`).
 *
 * The readers' figures (issue 19): «القرّاء الآن» (`/admin/live`, views per
 * minute, the articles read right now and where their readers came from)
 * is for editors and administrators (`stats.view`), who choose what leads
 * the site; it shows every article's readers, not only one's own. A
 * writer sees their own articles' views in the article list and editor.
 *
 * The wire desk (issue 18): editors and administrators read the agencies'
 * queue (`wire.view`) and make drafts of its items (`wire.use`);
 * administrators manage its sources (`wire.manage`). An administrator may
 * open the desk read-only to contributors and authors (a setting, read by
 * services/wire-queue.ts `wireDeskAccess`).
 *
 * Live coverage (issue 19): an editor or administrator makes an article
 * live and ends its coverage (`article.live`). Authors, editors and
 * administrators post updates (`live.post`) on any live article: an update
 * is public the moment it is posted, with no review, so a contributor,
 * whose work an editor always reviews first, may not post one. A writer
 * edits and deletes their own updates (`live.edit.own`); editors and
 * administrators any update (`live.edit.any`).
 *
 * Reaching readers (issue 20): an editor or administrator sends an
 * article's push notification or Telegram post by hand (`reader.alert`;
 * marking it breaking sends them too, under `article.breaking`), and
 * makes, previews and sends newsletter editions (`newsletter.manage`).
 * The Telegram connection, the push daily cap and the digest's schedule
 * are settings (`settings.manage`). No role sees subscribers' addresses
 * in the newsroom: only counts.
 */
import type { ArticleKind } from './article.js';

export const ROLES = ['contributor', 'author', 'editor', 'administrator'] as const;
export type Role = (typeof ROLES)[number];

/** True when `value` names a role. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/**
 * Actions on the newsroom. `.own` actions apply to articles the actor is a
 * byline of; `.any` to every article.
 */
export const ACTIONS = [
  'newsroom.enter',
  'article.create',
  'article.edit.own',
  'article.edit.any',
  'article.submit.own',
  'article.publish.own',
  'article.publish.any',
  'article.schedule',
  'article.unpublish.own',
  'article.unpublish.any',
  'article.archive',
  'article.breaking',
  'article.lead',
  'page.manage',
  'media.upload',
  'media.edit.any',
  'section.manage',
  'tag.create',
  'tag.manage',
  'redirect.manage',
  'user.manage',
  'settings.manage',
  'apikey.manage',
  'webhook.manage',
  'stats.view',
  'wire.view',
  'wire.use',
  'wire.manage',
  'article.live',
  'live.post',
  'live.edit.own',
  'live.edit.any',
  'reader.alert',
  'newsletter.manage',
] as const;
export type Action = (typeof ACTIONS)[number];

const CONTRIBUTOR: readonly Action[] = [
  'newsroom.enter',
  'article.create',
  'article.edit.own',
  'article.submit.own',
  'media.upload',
  'tag.create',
];
const AUTHOR: readonly Action[] = [
  ...CONTRIBUTOR,
  'article.publish.own',
  'article.unpublish.own',
  'live.post',
  'live.edit.own',
];
const EDITOR: readonly Action[] = [
  ...AUTHOR,
  'article.edit.any',
  'article.publish.any',
  'article.schedule',
  'article.unpublish.any',
  'article.archive',
  'article.breaking',
  'article.lead',
  'page.manage',
  'media.edit.any',
  'section.manage',
  'tag.manage',
  'redirect.manage',
  'stats.view',
  'wire.view',
  'wire.use',
  'article.live',
  'live.edit.any',
  'reader.alert',
  'newsletter.manage',
];
const ADMINISTRATOR: readonly Action[] = [
  ...EDITOR,
  'user.manage',
  'settings.manage',
  'apikey.manage',
  'webhook.manage',
  'wire.manage',
];

/** The permission matrix: role → the actions it may take. */
export const PERMISSIONS: Readonly<Record<Role, ReadonlySet<Action>>> = {
  contributor: new Set(CONTRIBUTOR),
  author: new Set(AUTHOR),
  editor: new Set(EDITOR),
  administrator: new Set(ADMINISTRATOR),
};

/** Who is acting: a signed-in, active user. */
export interface Actor {
  id: string;
  role: Role;
}

/**
 * True when `actor` may take `action`. Pass `bylineIds` (the article's
 * bylines) for article actions: an `.own` action is then allowed only when
 * the actor is one of them, and an `.any` action covers every article.
 * Pass `kind` `page` for an action on a static page: every `article.*`
 * action on a page then needs `page.manage` besides (see above).
 *
 * @example can({ id: '7', role: 'author' }, 'article.publish', ['7']) === true
 * @example can({ id: '7', role: 'author' }, 'article.publish', ['7'], 'page') === false
 */
export function can(
  actor: Actor | null,
  action: Action | ArticleVerb,
  bylineIds?: readonly string[],
  kind: ArticleKind = 'article',
): boolean {
  if (actor === null) return false;
  const allowed = PERMISSIONS[actor.role];
  if (kind === 'page' && action.startsWith('article.') && !allowed.has('page.manage')) {
    return false;
  }
  if (!isArticleVerb(action)) return allowed.has(action);
  if (allowed.has(`${action}.any` as Action)) return true;
  return allowed.has(`${action}.own` as Action) && (bylineIds ?? []).includes(actor.id);
}

/** Article actions that come in `.own` and `.any` forms. */
export type ArticleVerb =
  'article.edit' | 'article.publish' | 'article.unpublish' | 'article.submit';

function isArticleVerb(action: string): action is ArticleVerb {
  return ['article.edit', 'article.publish', 'article.unpublish', 'article.submit'].includes(
    action,
  );
}
