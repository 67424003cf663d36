/**
 * What the reader site's pages show, read from storage.
 */
import { parseArticleId } from '../domain/article-id.js';
import type { ListingKind } from '../domain/article-path.js';
import type { Article, ArticleId, ArticleSummary } from '../domain/article.js';
import type {
  HomePageContent,
  LatestPageContent,
  ListingContent,
  MostReadList,
} from '../domain/reader-pages.js';
import type { DescribedTerm } from '../domain/taxonomy.js';
import type { Database } from '../storage/database.js';
import {
  findArticleById,
  findArticleForPreview,
  listBreaking,
  listLatest,
  isPublished,
} from '../storage/repositories/articles.repository.js';
import {
  listMostRead,
  listMostReadSince,
} from '../storage/repositories/article-views.repository.js';
import type { ListingFilter } from '../storage/repositories/filters.js';
import {
  listRelatedArticles,
  listSectionNewest,
  type SectionNewest,
} from '../storage/repositories/related-articles.repository.js';
import { findDescribedSection, findSection } from '../storage/repositories/sections.repository.js';
import {
  listFirstBylines,
  listSectionsByIds,
  listSummariesByIds,
} from '../storage/repositories/front-page.repository.js';
import {
  DEFAULT_SECONDARY_LEADS,
  FRONT_PAGE_SETTING,
  parseFrontPageSettings,
} from '../domain/front-page-settings.js';
import { getSetting } from '../storage/repositories/settings.repository.js';
import { findDescribedTag } from '../storage/repositories/tags.repository.js';
import { findAuthorProfile } from '../storage/repositories/users.repository.js';

/** The settings key of the pinned lead story (see front-page.ts). */
export const LEAD_SETTING_KEY = 'lead_article_id';

export interface ReadDeps {
  database: Database;
}

/** How many articles the home page lists under "latest" and "most read". */
export const HOME_LATEST = 12;
export const HOME_MOST_READ = 5;
/** How many articles each older page of the latest list shows. */
export const LATEST_PAGE_SIZE = 20;
/**
 * The deepest page of the latest list and of a section, tag or author
 * page, as the search page stops at its page 100 (search-params.ts
 * MAX_PAGE): a page is read by skipping the articles before it (OFFSET),
 * so page n costs n pages' worth of index entries, and a crawler walking
 * every page of a million-article site paid the square of its size (the
 * last page of a 475,000-article section: 5.7 s on PostgreSQL). Older
 * articles stay reachable through the sitemaps, search and their links;
 * a page past this one is a 404 like a page past the end.
 */
export const MAX_LISTING_PAGE = 100;

/** The windows of the most-read lists, in ms. */
export const MOST_READ_WINDOWS = { day: 24 * 3_600_000, week: 7 * 24 * 3_600_000 } as const;

/** The most-read lists of the home page at `now` (see HomePageContent.mostRead). */
export async function getMostRead(deps: ReadDeps, now: Date): Promise<MostReadList[]> {
  const since = (ms: number) => new Date(now.getTime() - ms);
  const [day, week] = await Promise.all([
    listMostReadSince(deps.database.db, since(MOST_READ_WINDOWS.day), HOME_MOST_READ),
    listMostReadSince(deps.database.db, since(MOST_READ_WINDOWS.week), HOME_MOST_READ),
  ]);
  const lists: MostReadList[] = [
    { window: 'day' as const, articles: day },
    { window: 'week' as const, articles: week },
  ].filter((l) => l.articles.length > 0);
  if (lists.length > 0) return lists;
  return [{ window: 'all', articles: await listMostRead(deps.database.db, HOME_MOST_READ) }];
}

/** Articles shown at most in the breaking-news ticker. */
export const BREAKING_LIMIT = 5;

/** Published articles flagged as breaking news at `now`, newest flag first. */
export function getBreakingNews(
  deps: ReadDeps,
  now: Date,
): Promise<Array<{ id: ArticleId; headline: string; until: Date }>> {
  return listBreaking(deps.database.db, now, BREAKING_LIMIT);
}

/** Whether the article with this id is published (without loading it). */
export function isPublishedArticle(deps: ReadDeps, id: ArticleId): Promise<boolean> {
  return isPublished(deps.database.db, id);
}

/**
 * A published article or static page by id, or null (the route sends a
 * page's `/a/<id>` on to its `/p/<slug>`).
 */
export function getArticle(deps: ReadDeps, id: ArticleId): Promise<Article | null> {
  return findArticleById(deps.database.db, id);
}

/** How many related articles an article page shows after its body. */
export const RELATED_LIMIT = 4;

/**
 * The related articles shown after `article`'s body: up to RELATED_LIMIT
 * published articles sharing a tag or its section, newest first, without
 * itself (`[]` for a static page). `sectionNewest` gives a section's newest
 * articles when the caller keeps them (read from the database otherwise).
 */
export function getRelatedArticles(
  deps: ReadDeps,
  article: Article,
  sectionNewest?: SectionNewest,
): Promise<ArticleSummary[]> {
  if (article.kind === 'page') return Promise.resolve([]);
  return listRelatedArticles(
    deps.database.db,
    {
      id: article.id,
      sectionId: article.section?.id ?? null,
      tagIds: article.tags.map((tag) => tag.id),
    },
    RELATED_LIMIT,
    sectionNewest,
  );
}

export type { SectionNewest };

/**
 * The newest `count` published news articles of section `sectionId`
 * (listSectionNewest), as getRelatedArticles reads them.
 */
export function getSectionNewest(
  deps: ReadDeps,
  sectionId: string,
  count: number,
): Promise<ArticleSummary[]> {
  return listSectionNewest(deps.database.db, sectionId, count);
}

/** Stories in a section block of the home page (the first with its picture, the rest with thumbnails). */
export const HOME_BLOCK_SIZE = 5;
/** Pieces in the opinion block. */
export const HOME_OPINION_SIZE = 4;

/**
 * The home page: the lead story (pinned, else the newest), the secondary
 * leads (pinned by an administrator, else the next newest), a block per
 * chosen section and the opinion block (their newest articles not already
 * shown above), the latest and the most read. Bounded: a dozen queries
 * at most whatever the number of articles (one per chosen section, at most
 * MAX_SECTION_BLOCKS, plus the opinion block's and its writers').
 */
export async function getHomePage(deps: ReadDeps, now: Date): Promise<HomePageContent> {
  const db = deps.database.db;
  const [latest, mostRead, pinnedId, settings] = await Promise.all([
    listLatest(db, HOME_LATEST + 2 + DEFAULT_SECONDARY_LEADS),
    getMostRead(deps, now),
    getPinnedLeadId(deps),
    getSetting(db, FRONT_PAGE_SETTING).then(parseFrontPageSettings),
  ]);
  const [pinned, pinnedSecondary] = await Promise.all([
    pinnedId ? pinnedSummary(deps, pinnedId, latest) : null,
    listSummariesByIds(db, settings.secondaryIds),
  ]);
  const [newest = null, ...others] = latest;
  const lead = pinned ?? newest;
  const rest = pinned ? latest.filter((a) => a.id !== pinned.id) : others;
  const secondary = pinnedSecondary.filter((a) => a.id !== lead?.id);
  for (const story of rest) {
    if (secondary.length >= DEFAULT_SECONDARY_LEADS) break;
    if (!secondary.some((a) => a.id === story.id)) secondary.push(story);
  }
  const shown = new Set([lead?.id, ...secondary.map((a) => a.id)]);
  const notShown = (articles: ArticleSummary[], size: number) =>
    articles.filter((a) => !shown.has(a.id)).slice(0, size);
  const fetchSize = (size: number) => size + 1 + secondary.length;
  const [blockSections, opinionSection] = await Promise.all([
    listSectionsByIds(db, settings.blockSectionIds),
    settings.opinionSectionId === null ? null : findSection(db, { id: settings.opinionSectionId }),
  ]);
  const [blockLists, opinionList] = await Promise.all([
    Promise.all(
      blockSections.map((section) =>
        listLatest(db, fetchSize(HOME_BLOCK_SIZE), 0, { sectionId: section.id }),
      ),
    ),
    opinionSection === null
      ? []
      : listLatest(db, fetchSize(HOME_OPINION_SIZE), 0, { sectionId: opinionSection.id }),
  ]);
  const blocks = blockSections
    .map((section, at) => ({ section, articles: notShown(blockLists[at] ?? [], HOME_BLOCK_SIZE) }))
    .filter((block) => block.articles.length > 0);
  const opinionArticles = notShown(opinionList, HOME_OPINION_SIZE);
  const writers = await listFirstBylines(
    db,
    opinionArticles.map((a) => a.id),
  );
  return {
    lead,
    secondary,
    blocks,
    opinion:
      opinionSection === null || opinionArticles.length === 0
        ? null
        : {
            section: opinionSection,
            items: opinionArticles.map((article) => {
              const writer = writers.get(article.id);
              return { article, writer: writer ?? null };
            }),
          },
    latest: rest.slice(0, HOME_LATEST),
    mostRead,
    hasOlder: rest.length > HOME_LATEST,
  };
}

/** The pinned article as a summary when it is published, else null. */
async function pinnedSummary(
  deps: ReadDeps,
  id: string,
  latest: ArticleSummary[],
): Promise<ArticleSummary | null> {
  const listed = latest.find((a) => a.id === id);
  if (listed) return listed;
  const articleId = parseArticleId(id);
  const article = articleId ? await findArticleById(deps.database.db, articleId) : null;
  return article && article.kind === 'article'
    ? {
        id: article.id,
        headline: article.headline,
        excerpt: article.excerpt,
        section: article.section,
        image: article.featured?.media ?? null,
        publishedAt: article.publishedAt,
        publishedPrecision: article.publishedPrecision,
        viewCount: article.viewCount,
      }
    : null;
}

/**
 * Page `page` (2 or more) of the latest articles, continuing where the home
 * page stops; null when the page is past the end or past MAX_LISTING_PAGE.
 */
export async function getLatestPage(
  deps: ReadDeps,
  page: number,
): Promise<LatestPageContent | null> {
  if (page > MAX_LISTING_PAGE) return null;
  const offset = HOME_LATEST + 1 + (page - 2) * LATEST_PAGE_SIZE;
  const rows = await listLatest(deps.database.db, LATEST_PAGE_SIZE + 1, offset);
  if (rows.length === 0) return null;
  return {
    page,
    articles: rows.slice(0, LATEST_PAGE_SIZE),
    hasOlder: rows.length > LATEST_PAGE_SIZE && page < MAX_LISTING_PAGE,
  };
}

/** True when the section `sectionId` is in the header's menu (front-page settings). */
async function inMenu(deps: ReadDeps, sectionId: string): Promise<boolean> {
  const settings = parseFrontPageSettings(await getSetting(deps.database.db, FRONT_PAGE_SETTING));
  return settings.menuSectionIds.includes(sectionId);
}

/**
 * Page `page` of a section, tag or author page, found by slug; null when
 * the slug is unknown, or the page is past the end or past MAX_LISTING_PAGE. A tag's or author's
 * listing with nothing published is null too, like an unknown slug: a tag
 * used only by a draft, scheduled or unpublished article must not confirm
 * an embargoed story; so is a section's, unless an administrator put that
 * section in the header's menu (then its first page is shown, empty, with
 * `noindex`: the menu never leads to a missing page).
 */
export async function getListing(
  deps: ReadDeps,
  kind: ListingKind,
  slug: string,
  page: number,
): Promise<ListingContent | null> {
  if (page > MAX_LISTING_PAGE) return null;
  const db = deps.database.db;
  type Owner = Pick<ListingContent, 'id' | 'name' | 'bio' | 'description' | 'photo' | 'links'>;
  let owner: Owner | null = null;
  let filter: ListingFilter;
  const term = (t: DescribedTerm | null): Owner | null =>
    t && { id: t.id, name: t.name, bio: '', description: t.description, photo: null, links: [] };
  switch (kind) {
    case 'section': {
      owner = term(await findDescribedSection(db, slug));
      filter = { sectionId: owner?.id ?? '0' };
      break;
    }
    case 'tag': {
      owner = term(await findDescribedTag(db, slug));
      filter = { tagId: owner?.id ?? '0' };
      break;
    }
    case 'author': {
      const profile = await findAuthorProfile(db, { slug });
      owner = profile && {
        id: profile.userId,
        name: profile.displayName,
        bio: profile.bio,
        description: '',
        photo: profile.photo,
        links: profile.links,
      };
      filter = { authorId: owner?.id ?? '0' };
      break;
    }
  }
  if (!owner) return null;
  const rows = await listLatest(db, LATEST_PAGE_SIZE + 1, (page - 1) * LATEST_PAGE_SIZE, filter);
  if (rows.length === 0 && !(page === 1 && kind === 'section' && (await inMenu(deps, owner.id)))) {
    return null;
  }
  return {
    kind,
    id: owner.id,
    name: owner.name,
    slug,
    bio: owner.bio,
    description: owner.description,
    photo: owner.photo,
    links: owner.links,
    page,
    articles: rows.slice(0, LATEST_PAGE_SIZE),
    hasOlder: rows.length > LATEST_PAGE_SIZE && page < MAX_LISTING_PAGE,
  };
}

/** An article in any status, for its private preview. */
export function getArticlePreview(deps: ReadDeps, id: ArticleId): Promise<Article | null> {
  return findArticleForPreview(deps.database.db, id);
}

/** The pinned lead story id, if any. */
export function getPinnedLeadId(deps: ReadDeps): Promise<string | null> {
  return getSetting(deps.database.db, LEAD_SETTING_KEY);
}
