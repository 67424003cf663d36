/**
 * schema.org structured data of the reader site, as JSON-LD objects:
 * `NewsArticle` for article pages and `BreadcrumbList` for article and
 * listing pages, with the fields Google's Article and Breadcrumb
 * structured-data guidelines ask for. Dates are ISO 8601 with the site's
 * UTC offset (`2020-01-18T11:43:00+03:00`), so that they are unambiguous.
 */
import type { Article } from '../../domain/article.js';
import { listingPath } from '../../domain/article-path.js';
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

/**
 * The `NewsArticle` of an article page at `canonical`, with `image` (the
 * featured image, or the logo). Bylines are `Person`s (with their author
 * page); an article with no byline is by the newspaper.
 */
export function newsArticleData(
  ctx: PageContext,
  article: Article,
  canonical: string,
  image: SocialImage,
  description: string,
): object {
  const timeZone = ctx.locale.timeZone;
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
    '@type': 'NewsArticle',
    headline: article.headline,
    ...(description ? { description } : {}),
    inLanguage: 'ar',
    url: canonical,
    mainEntityOfPage: { '@type': 'WebPage', '@id': canonical },
    ...(article.publishedAt
      ? { datePublished: zonedIsoString(article.publishedAt, timeZone) }
      : {}),
    dateModified: zonedIsoString(article.updatedAt, timeZone),
    author: authors,
    image: [{ '@type': 'ImageObject', url: image.url, width: image.width, height: image.height }],
    publisher: publisher(ctx),
    ...(article.section ? { articleSection: article.section.name } : {}),
    ...(article.tags.length > 0 ? { keywords: article.tags.map((t) => t.name) } : {}),
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
