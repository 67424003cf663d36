/**
 * Telling the page cache (and, through it, the other instances and a CDN)
 * what a newsroom action changed on the public site. The listener is
 * called after the change is committed; see domain/public-change.ts for
 * what it evicts.
 */
import type { ArticleId } from '../domain/article-id.js';
import type { PublicChange, PublicChangeListener } from '../domain/public-change.js';
import { FOOTER_MENU_SETTING, parseFooterMenu } from '../domain/footer-menu.js';
import type { Database } from '../storage/database.js';
import { isPublished } from '../storage/repositories/articles.repository.js';
import {
  findArticleKind,
  findPlacement,
} from '../storage/repositories/newsroom-articles.repository.js';
import { getSetting } from '../storage/repositories/settings.repository.js';

/** What a service needs to tell public changes. */
export interface PublicChangeDeps {
  database: Database;
  /** Absent in the CLI and in tests that do not watch: then nothing is told. */
  onPublicChange?: PublicChangeListener;
}

/**
 * Runs `change` on article `id` and, when the article was or is now
 * published, tells the listener its placement before and after. A static
 * page is in no listing: it is told as a `page` change (its own page, and
 * the footers when the footer menu lists it).
 * Without a listener it only runs `change`.
 */
export async function changingArticle<T>(
  deps: PublicChangeDeps,
  id: ArticleId,
  change: () => Promise<T>,
): Promise<T> {
  const listener = deps.onPublicChange;
  if (!listener) return change();
  if ((await findArticleKind(deps.database.db, id)) === 'page') {
    return changingPage(deps.database, listener, id, change);
  }
  const before = await findPlacement(deps.database.db, id);
  const result = await change();
  const after = await findPlacement(deps.database.db, id);
  if (before !== null || after !== null) {
    listener({ kind: 'article', articleId: id, before, after });
  }
  return result;
}

async function changingPage<T>(
  database: Database,
  listener: PublicChangeListener,
  id: ArticleId,
  change: () => Promise<T>,
): Promise<T> {
  const was = await isPublished(database.db, id);
  const result = await change();
  if (was || (await isPublished(database.db, id))) {
    const menu = parseFooterMenu(await getSetting(database.db, FOOTER_MENU_SETTING));
    listener({ kind: 'page', articleId: id, inFooter: menu.includes(id) });
  }
  return result;
}

/** Tells the listener, if any, of a change that is not one article's. */
export function tellPublicChange(deps: PublicChangeDeps, change: PublicChange): void {
  deps.onPublicChange?.(change);
}
