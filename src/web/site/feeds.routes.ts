/**
 * The feeds: RSS 2.0, Atom 1.0 and JSON Feed 1.1 for the site and for each
 * section, tag and author (paths in views/feed-links.ts), served through
 * the page cache, with conditional GET so that polling readers mostly get
 * `304 Not Modified`.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { getFeedArticles, type FeedScope } from '../../services/feed-items.js';
import type { Article } from '../../domain/article.js';
import { MIRRORS_PATH } from '../../domain/alternate-addresses.js';
import { listingPath } from '../../domain/article-path.js';
import { LISTING_KEYS, surrogateKey } from '../../domain/public-change.js';
import { CACHED_ROUTE } from '../cache/cached-pages.js';
import type { LiveUpdate } from '../../domain/live-coverage.js';
import { renderFeed, type FeedArticle, type FeedChannel } from '../feeds/feed-document.js';
import { feedLeadHtml } from '../feeds/feed-lead.js';
import {
  FEED_FILES,
  FEED_FORMATS,
  FEED_MEDIA_TYPES,
  feedPath,
  type FeedFormat,
} from '../views/feed-links.js';
import { listingTitle } from '../views/listing-page.js';
import {
  absoluteUrl,
  canonicalArticlePath,
  articlePath,
  LOGO,
  type PageContext,
} from '../views/page-context.js';
import { sendNotFound } from './error-pages.js';
import type { SiteDeps, SiteDepsWithContext } from './site-deps.js';

export async function feedRoutes(app: FastifyInstance, deps: SiteDepsWithContext): Promise<void> {
  for (const format of FEED_FORMATS) {
    app.get(feedPath({ kind: 'site' }, format), CACHED_ROUTE, (request, reply) =>
      sendFeed(request, reply, deps, { kind: 'site' }, format),
    );
    for (const kind of ['section', 'tag', 'author'] as const) {
      app.get<{ Params: { slug: string } }>(
        `/${kind}/:slug/${FEED_FILES[format]}`,
        CACHED_ROUTE,
        (request, reply) =>
          sendFeed(request, reply, deps, { kind, slug: request.params.slug }, format),
      );
    }
  }
}

async function sendFeed(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: SiteDepsWithContext,
  scope: FeedScope,
  format: FeedFormat,
): Promise<FastifyReply> {
  const served = await deps.pages.serve(
    request,
    reply,
    `${deps.originOf(request)}${feedPath(scope, format)}`,
    async () => {
      const [ctx, data] = await Promise.all([deps.context(request), getFeedArticles(deps, scope)]);
      if (data === null) return null;
      const items = await Promise.all(
        data.articles.map((a) => feedArticle(ctx, deps, a, data.liveUpdates.get(a.id) ?? [])),
      );
      return {
        body: renderFeed(format, channelOf(ctx, deps, scope, data.owner?.name ?? null), items),
        contentType: `${FEED_MEDIA_TYPES[format]}; charset=utf-8`,
        keys: [
          scope.kind === 'site' || data.owner === null
            ? surrogateKey.latest
            : LISTING_KEYS[scope.kind](data.owner.id),
        ],
      };
    },
  );
  return served ? reply : sendNotFound(request, reply, deps);
}

function channelOf(
  ctx: PageContext,
  deps: SiteDeps,
  scope: FeedScope,
  name: string | null,
): FeedChannel {
  const title =
    scope.kind === 'site' || name === null
      ? ctx.t('home.title', { siteName: ctx.siteName })
      : `${listingTitle(ctx, scope.kind, name)} | ${ctx.siteName}`;
  const pagePath = scope.kind === 'site' ? '/' : listingPath(scope.kind, scope.slug);
  return {
    title,
    description: title,
    pageUrl: absoluteUrl(ctx, pagePath),
    feedUrls: {
      rss: absoluteUrl(ctx, feedPath(scope, 'rss')),
      atom: absoluteUrl(ctx, feedPath(scope, 'atom')),
      json: absoluteUrl(ctx, feedPath(scope, 'json')),
    },
    siteName: ctx.siteName,
    origin: ctx.origin,
    logoUrl: absoluteUrl(ctx, LOGO.path),
    copyright: ctx.t('feed.copyright', { siteName: ctx.siteName }),
    content: deps.feedContent,
    mirrors: ctx.alternates.mirrors,
    mirrorsPageUrl: absoluteUrl(ctx, MIRRORS_PATH),
  };
}

/**
 * An article with its absolute URLs, bylines, categories, image size and
 * lead (its notes and newest live updates, feed-lead.ts).
 */
async function feedArticle(
  ctx: PageContext,
  deps: SiteDeps,
  article: Article & { publishedAt: Date },
  liveUpdates: readonly LiveUpdate[],
): Promise<FeedArticle> {
  const media = article.featured?.media;
  const imageBytes = media
    ? await stat(join(deps.mediaDir, media.id, media.originalFile)).then(
        (s) => s.size,
        () => 0,
      )
    : 0;
  const authors =
    article.authors.length > 0
      ? article.authors.map((a) => ({
          name: a.name,
          url: absoluteUrl(ctx, listingPath('author', a.slug)),
        }))
      : article.byline
        ? [{ name: article.byline, url: null }]
        : [];
  const categories = [
    ...(article.section
      ? [
          {
            name: article.section.name,
            url: absoluteUrl(ctx, listingPath('section', article.section.slug)),
          },
        ]
      : []),
    ...article.tags.map((tag) => ({
      name: tag.name,
      url: absoluteUrl(ctx, listingPath('tag', tag.slug)),
    })),
  ];
  const url = absoluteUrl(ctx, canonicalArticlePath(article.id, article.slug));
  return {
    article,
    url,
    id: absoluteUrl(ctx, articlePath(article.id)),
    authors,
    categories,
    imageBytes,
    leadHtml: feedLeadHtml(ctx, {
      notes: article.notes,
      liveUpdates,
      articleUrl: url,
      content: deps.feedContent,
    }),
  };
}
