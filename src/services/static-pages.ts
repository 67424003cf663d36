/**
 * Static pages («من نحن», «اتصل بنا», «سياسة الخصوصية»): article rows of
 * kind `page` (issue 15), served at `/p/<slug>`, written in the newsroom's
 * editor by editors and administrators (edit-article.ts, domain/roles.ts),
 * and the footer menu that links a chosen few, in order (a setting an
 * administrator edits; domain/footer-menu.ts).
 */
import type { ArticleId } from '../domain/article-id.js';
import type { Article } from '../domain/article.js';
import {
  FOOTER_MENU_SETTING,
  formatFooterMenu,
  parseFooterMenu,
  type FooterLink,
} from '../domain/footer-menu.js';
import type { NewsroomListItem } from '../domain/newsroom-list.js';
import type { SitemapRow } from '../domain/sitemap-row.js';
import { can, type Actor } from '../domain/roles.js';
import { AppError } from '../lib/errors.js';
import {
  findArticleById,
  findPublishedIdBySlug,
  listPublishedPagesByIds,
} from '../storage/repositories/articles.repository.js';
import {
  findArticleKind,
  listNewsroomArticles,
} from '../storage/repositories/newsroom-articles.repository.js';
import { getSetting, setSetting } from '../storage/repositories/settings.repository.js';
import { listPublishedPages } from '../storage/repositories/sitemap-articles.repository.js';
import { tellPublicChange, type PublicChangeDeps } from './public-changes.js';
import type { ReadDeps } from './read-pages.js';

/** Most static pages the newsroom's list shows (a site has a handful). */
export const PAGES_LIST_LIMIT = 500;

/** The published static page with this slug (as stored: Arabic, not percent-encoded), or null. */
export async function getPage(deps: ReadDeps, slug: string): Promise<Article | null> {
  const id = await findPublishedIdBySlug(deps.database.db, slug, 'page');
  if (id === null) return null;
  const page = await findArticleById(deps.database.db, id);
  return page && page.kind === 'page' ? page : null;
}

/** Most static pages the Content API lists. */
export const API_PAGES_MAX = 500;

/** The published static pages with a slug, in id order (the Content API's `/pages`), at most API_PAGES_MAX. */
export function listPublicPages(deps: ReadDeps): Promise<SitemapRow[]> {
  return listPublishedPages(deps.database.db, API_PAGES_MAX);
}

/** The footer menu's page ids, in order, whatever the pages' status. */
export async function footerPageIds(deps: ReadDeps): Promise<ArticleId[]> {
  return parseFooterMenu(await getSetting(deps.database.db, FOOTER_MENU_SETTING));
}

/** The footer menu as readers see it: its published pages, in order. */
export async function getFooterLinks(deps: ReadDeps): Promise<FooterLink[]> {
  return listPublishedPagesByIds(deps.database.db, await footerPageIds(deps));
}

/**
 * The static pages for the newsroom's pages list, most recently changed
 * first, with the footer menu's ids in order.
 * @throws FORBIDDEN (403) unless the actor may handle pages (`page.manage`).
 */
export async function newsroomPages(
  deps: ReadDeps,
  actor: Actor,
): Promise<{ pages: NewsroomListItem[]; footerIds: ArticleId[] }> {
  if (!can(actor, 'page.manage')) {
    throw new AppError('FORBIDDEN', 'Only editors and administrators handle static pages.');
  }
  const [pages, footerIds] = await Promise.all([
    listNewsroomArticles(deps.database.db, { kind: 'page', limit: PAGES_LIST_LIMIT, offset: 0 }),
    footerPageIds(deps),
  ]);
  return { pages, footerIds };
}

/**
 * Sets the footer menu to the static pages `ids`, in this order (a repeated
 * id counts once; none empties the menu), and purges every page's footer.
 * A page that is not published yet may be chosen: it shows once published.
 * @throws FORBIDDEN (403) unless the actor manages settings (an
 *   administrator); ARTICLE_NOT_FOUND (404) when an id is not a static page.
 */
export async function setFooterMenu(
  deps: PublicChangeDeps,
  actor: Actor,
  ids: readonly ArticleId[],
): Promise<ArticleId[]> {
  if (!can(actor, 'settings.manage')) {
    throw new AppError('FORBIDDEN', 'Only administrators choose the footer menu.');
  }
  const chosen = [...new Set(ids)];
  for (const id of chosen) {
    if ((await findArticleKind(deps.database.db, id)) !== 'page') {
      throw new AppError('ARTICLE_NOT_FOUND', `No static page ${id}.`);
    }
  }
  await setSetting(deps.database.db, FOOTER_MENU_SETTING, formatFooterMenu(chosen));
  tellPublicChange(deps, { kind: 'footer' });
  return chosen;
}
