/**
 * Which WXR items become posts: WordPress's post types and statuses
 * (developer.wordpress.org, "Post Types" and "Post Status") in Midad's terms.
 */
import type { SitePostStatus } from '../../domain/site-import.js';
import type { WxrFields } from './wxr-stream.js';

/** An item that becomes a post or page, or the reason it does not. */
export type ItemClass =
  | { post: true; kind: 'article' | 'page'; status: SitePostStatus }
  | { post: false; reason: string };

const STATUSES: Readonly<Record<string, SitePostStatus>> = {
  publish: 'published',
  future: 'scheduled',
  draft: 'draft',
  pending: 'pending',
  private: 'private',
};

const SKIPPED_STATUSES = new Set(['trash', 'auto-draft', 'inherit']);
const NAMED_TYPES = new Set(['attachment', 'revision', 'nav_menu_item']);

/**
 * What the item with these fields is: `post` (and the types named in
 * `postTypes`) → an article, `page` → a page; attachments, revisions and
 * menu items are skipped by their type's name, other types as
 * `post type «product»`; statuses `trash`, `auto-draft`, `inherit` by
 * their name, an unknown status as `status «archive»`. A password-protected
 * post (`wp:post_password`) that was public or scheduled is kept private:
 * Midad has no per-post passwords, and its text was not meant for everyone.
 *
 * @example classifyItem(new Map([['wp:post_type', 'post'], ['wp:status', 'future']]), []) // { post: true, kind: 'article', status: 'scheduled' }
 */
export function classifyItem(fields: WxrFields, postTypes: readonly string[]): ItemClass {
  const type = fields.get('wp:post_type')?.trim() || 'post';
  let kind: 'article' | 'page';
  if (type === 'post' || postTypes.includes(type)) kind = 'article';
  else if (type === 'page') kind = 'page';
  else if (NAMED_TYPES.has(type)) return { post: false, reason: type };
  else return { post: false, reason: `post type «${type}»` };
  const raw = fields.get('wp:status')?.trim() ?? '';
  const status = STATUSES[raw];
  if (status !== undefined) {
    const hidden =
      isPasswordProtected(fields) && (status === 'published' || status === 'scheduled');
    return { post: true, kind, status: hidden ? 'private' : status };
  }
  if (SKIPPED_STATUSES.has(raw)) return { post: false, reason: raw };
  return { post: false, reason: `status «${raw}»` };
}

/** True when WordPress showed the post only to readers who knew its password. */
export function isPasswordProtected(fields: WxrFields): boolean {
  return (fields.get('wp:post_password') ?? '') !== '';
}
