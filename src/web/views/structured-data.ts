/**
 * schema.org structured data of the reader site, as JSON-LD objects:
 * `NewsArticle` for article pages (`LiveBlogPosting` while the article's
 * live coverage goes on), with a `correction` per correction note, and
 * `BreadcrumbList` for article and listing pages, with the fields Google's
 * Article, live blog and Breadcrumb structured-data guidelines ask for. Dates are ISO 8601 with the site's
 * UTC offset (`2020-01-18T11:43:00+03:00`), so that they are unambiguous.
 */
import { truncateWords } from '../../arabic/truncate.js';
import type { Article } from '../../domain/article.js';
import { listingPath } from '../../domain/article-path.js';
import { htmlToText } from '../../domain/html-text.js';
import { liveUpdateAnchor, type LiveUpdate } from '../../domain/live-coverage.js';
import { zonedIsoString } from '../../lib/time-zone.js';
import type { SocialImage } from './components/social-meta.js';
import { absoluteUrl, LOGO, type PageContext } from './page-context.js';

/** The publisher: the newspaper, with its logo. */
function publisher(ctx: PageContext) {
  return {
    '@type': 'NewsMediaOrganization',
    name: ctx.siteName,
    url: absoluteUrl(ctx, '/'),
    logo: {
      '@type': 'ImageObject',
      url: absoluteUrl(ctx, LOGO.path),
      width: LOGO.width,
      height: LOGO.height,
    },
  };
}

/** An article's publish and modification times as ISO 8601 strings with the site's UTC offset. */
export interface ArticleTimes {
  /** Null while it has no publish date. */
  published: string | null;
  modified: string;
}

/**
 * The times of `article` in `timeZone` (zonedIsoString): made once per
 * page, for its Open Graph tags and its structured data alike.
 */
export function articleTimes(article: Article, timeZone: string): ArticleTimes {
  return {
    published: article.publishedAt ? zonedIsoString(article.publishedAt, timeZone) : null,
    modified: zonedIsoString(article.modifiedAt, timeZone),
  };
}

/** Most updates a `LiveBlogPosting` lists in `liveBlogUpdate` (the newest). */
export const LIVE_BLOG_UPDATES_MAX = 50;
/** Longest `headline` of an update without one of its own, in characters (Google: 110). */
const UPDATE_HEADLINE_LENGTH = 110;

/**
 * The `NewsArticle` of an article page at `canonical`, with `image` (the
 * featured image, or the logo). Bylines are `Person`s (with their author
 * page); an article with no byline is by the newspaper. `dateModified` is
 * the article's `modifiedAt` (its last public change: a note, a live
 * update); each correction note is a `CorrectionComment` in `correction`,
 * oldest first (schema.org `correction`).
 */
export function newsArticleData(
  ctx: PageContext,
  article: Article,
  canonical: string,
  image: SocialImage,
  description: string,
  times: ArticleTimes = articleTimes(article, ctx.locale.timeZone),
): object {
  return articleData(ctx, article, canonical, image, description, times, 'NewsArticle');
}

/**
 * The `LiveBlogPosting` of a live article's page (schema.org
 * LiveBlogPosting; Google's live blog guidance): the `NewsArticle` fields,
 * `coverageStartTime`, `coverageEndTime` once ended, and `liveBlogUpdate`:
 * the newest LIVE_BLOG_UPDATES_MAX of `updates` (any order), newest first,
 * each a `BlogPosting` with its headline (the start of its text when it
 * has none), text, times, address (`<canonical>#update-<n>`) and writer.
 */
export function liveBlogData(
  ctx: PageContext,
  article: Article,
  canonical: string,
  image: SocialImage,
  description: string,
  updates: readonly LiveUpdate[],
  times: ArticleTimes = articleTimes(article, ctx.locale.timeZone),
): object {
  const base = articleData(ctx, article, canonical, image, description, times, 'LiveBlogPosting');
  const live = article.live;
  if (live === null) return base;
  const timeZone = ctx.locale.timeZone;
  const newest = [...updates]
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.number - a.number)
    .slice(0, LIVE_BLOG_UPDATES_MAX);
  return {
    ...base,
    coverageStartTime: zonedIsoString(live.startedAt, timeZone),
    ...(live.endedAt ? { coverageEndTime: zonedIsoString(live.endedAt, timeZone) } : {}),
    liveBlogUpdate: newest.map((update) => {
      const text = htmlToText(update.bodyHtml).replace(/\s+/g, ' ').trim();
      return {
        '@type': 'BlogPosting',
        headline: update.headline || truncateWords(text, UPDATE_HEADLINE_LENGTH),
        articleBody: text,
        datePublished: zonedIsoString(update.createdAt, timeZone),
        dateModified: zonedIsoString(update.updatedAt, timeZone),
        url: `${canonical}#${liveUpdateAnchor(update.number)}`,
        ...(update.author
          ? {
              author: {
                '@type': 'Person',
                name: update.author.name,
                url: absoluteUrl(ctx, listingPath('author', update.author.slug)),
              },
            }
          : {}),
      };
    }),
  };
}

function articleData(
  ctx: PageContext,
  article: Article,
  canonical: string,
  image: SocialImage,
  description: string,
  times: ArticleTimes,
  type: 'NewsArticle' | 'LiveBlogPosting',
): object {
  const timeZone = ctx.locale.timeZone;
  const corrections = article.notes.filter((note) => note.kind === 'correction');
  const authors =
    article.authors.length > 0
      ? article.authors.map((a) => ({
          '@type': 'Person',
          name: a.name,
          url: absoluteUrl(ctx, listingPath('author', a.slug)),
        }))
      : article.byline
        ? [{ '@type': 'Person', name: article.byline }]
        : [{ '@type': 'NewsMediaOrganization', name: ctx.siteName, url: absoluteUrl(ctx, '/') }];
  return {
    '@context': 'https://schema.org',
    '@type': type,
    headline: article.headline,
    ...(description ? { description } : {}),
    inLanguage: 'ar',
    url: canonical,
    mainEntityOfPage: { '@type': 'WebPage', '@id': canonical },
    ...(times.published !== null ? { datePublished: times.published } : {}),
    dateModified: times.modified,
    author: authors,
    image: [{ '@type': 'ImageObject', url: image.url, width: image.width, height: image.height }],
    publisher: publisher(ctx),
    ...(article.section ? { articleSection: article.section.name } : {}),
    ...(article.tags.length > 0 ? { keywords: article.tags.map((t) => t.name) } : {}),
    ...(corrections.length > 0
      ? {
          correction: corrections.map((note) => ({
            '@type': 'CorrectionComment',
            text: note.text,
            datePublished: zonedIsoString(note.createdAt, timeZone),
          })),
        }
      : {}),
  };
}

/** A `BreadcrumbList` of `crumbs` (name and absolute URL), the home page first. */
export function breadcrumbData(crumbs: ReadonlyArray<{ name: string; url: string }>): object {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: crumb.name,
      item: crumb.url,
    })),
  };
}
