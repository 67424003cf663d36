/**
 * The footer menu: which static pages («من نحن», «اتصل بنا», «سياسة
 * الخصوصية») the reader site's footer links, in order. An administrator
 * chooses them; the choice is one setting, the page ids in order,
 * comma-separated (`12,7,30`). Plain data and rules, no I/O.
 */
import { parseArticleId, type ArticleId } from './article-id.js';

/** The settings key of the footer menu. */
export const FOOTER_MENU_SETTING = 'footer_page_ids';

/** A link of the footer menu: a published page's title and slug (`/p/<slug>`). */
export interface FooterLink {
  id: ArticleId;
  title: string;
  slug: string;
}

/**
 * The page ids of a stored footer setting, in order; a value that is not
 * an id is skipped, and so is a repeated one (a hand-edited setting loses
 * nothing else).
 *
 * @example parseFooterMenu('12,7,12,x') // ['12', '7']
 */
export function parseFooterMenu(value: string | null): ArticleId[] {
  if (value === null) return [];
  const ids: ArticleId[] = [];
  for (const raw of value.split(',')) {
    const id = parseArticleId(raw.trim());
    if (id !== null && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

/** The stored form of `ids` (see parseFooterMenu), or null for none (the setting is removed). */
export function formatFooterMenu(ids: readonly ArticleId[]): string | null {
  return ids.length === 0 ? null : ids.join(',');
}
