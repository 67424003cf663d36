/**
 * The lite pages as the page cache keeps them (issue 22): an article, the
 * home page and its older pages, a section. The routes serve them at
 * `/lite/…` (routes.tsx), and in place of the full page to a browser that
 * sends `Save-Data: on`. The image links name their file's size, read from
 * the media folder when the page is made. Each carries the lite pages'
 * Content-Security-Policy (lite-policy.ts).
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Article, ArticleSummary } from '../../domain/article.js';
import { listingPath, litePath } from '../../domain/article-path.js';
import { isMediaFileName, parseMediaId } from '../../domain/media.js';
import { surrogateKey } from '../../domain/public-change.js';
import type { ListingContent } from '../../domain/reader-pages.js';
import { getHomePage, getLatestPage } from '../../services/read-pages.js';
import type { RenderedPage } from '../cache/cached-pages.js';
import type { LivePageUpdates } from '../views/components/live-coverage.js';
import { LiteArticlePage, liteArticleImageUrls } from '../views/lite/lite-article-page.js';
import type { FileSizes } from '../views/lite/lite-body.js';
import { LiteListingPage, pagedHeading } from '../views/lite/lite-listing-page.js';
import type { PageContext } from '../views/page-context.js';
import { renderDocument } from '../views/render.js';
import { LITE_CONTENT_SECURITY_POLICY } from '../lite-policy.js';
import { htmlPage } from './html-page.js';
import type { SiteDeps } from './site-deps.js';

/** A media file URL: `/media/<id>/<file>`. */
const MEDIA_URL = /^\/media\/([^/]+)\/([^/]+)$/;

/**
 * The size in bytes of each media file named by `urls` (`/media/7/w640.webp`),
 * null for a file that is missing or a URL that names none.
 */
export async function mediaFileSizes(
  mediaDir: string,
  urls: readonly string[],
): Promise<FileSizes> {
  const sizes = new Map<string, number | null>();
  await Promise.all(
    [...new Set(urls)].map(async (url) => {
      const [, rawId = '', file = ''] = MEDIA_URL.exec(url) ?? [];
      const id = parseMediaId(rawId);
      const size =
        id === null || !isMediaFileName(file)
          ? null
          : await stat(join(mediaDir, id, file)).then(
              (s) => s.size,
              () => null,
            );
      sizes.set(url, size);
    }),
  );
  return sizes;
}

/**
 * The lite page of `article` with the parts its full page shows
 * (routes.tsx reads them): its related articles and, when live, this
 * page's updates. `options` are the full page's cache options.
 */
export async function liteArticlePage(
  deps: Pick<SiteDeps, 'mediaDir'>,
  ctx: PageContext,
  article: Article,
  related: readonly ArticleSummary[],
  liveUpdates: LivePageUpdates | null,
  options: Parameters<typeof htmlPage>[2],
): Promise<RenderedPage> {
  const sizes = await mediaFileSizes(deps.mediaDir, liteArticleImageUrls(article, liveUpdates));
  return htmlPage(
    renderDocument(
      <LiteArticlePage
        ctx={ctx}
        article={article}
        related={related}
        liveUpdates={liveUpdates}
        sizes={sizes}
      />,
    ),
    ctx,
    { ...options, contentSecurityPolicy: LITE_CONTENT_SECURITY_POLICY },
  );
}

/**
 * Page `page` of the lite home page: the lead story, the secondary leads
 * and the latest on the first, then the latest list's older pages (as
 * the full site's `/?page=<n>`); null past the end.
 */
export async function liteHomePage(
  deps: SiteDeps,
  ctx: PageContext,
  page: number,
): Promise<RenderedPage | null> {
  if (page === 1) {
    const home = await getHomePage(deps, deps.now());
    const page1 = {
      heading: ctx.t('home.latest'),
      full: '/',
      lead: home.lead,
      // The latest list repeats the secondary leads (the full page shows them apart): once each here.
      articles: [
        ...home.secondary,
        ...home.latest.filter((a) => !home.secondary.some((s) => s.id === a.id)),
      ],
      newer: null,
      older: home.hasOlder ? litePath.home(2) : null,
      withSections: true,
    };
    return htmlPage(renderDocument(<LiteListingPage ctx={ctx} data={page1} />), ctx, {
      keys: [surrogateKey.front, surrogateKey.latest],
      contentSecurityPolicy: LITE_CONTENT_SECURITY_POLICY,
    });
  }
  const data = await getLatestPage(deps, page);
  if (data === null) return null;
  const older = {
    heading: pagedHeading(ctx, ctx.t('home.latest'), page),
    full: `/?page=${page}`,
    lead: null,
    articles: data.articles,
    newer: litePath.home(page - 1),
    older: data.hasOlder ? litePath.home(page + 1) : null,
    withSections: false,
  };
  return htmlPage(renderDocument(<LiteListingPage ctx={ctx} data={older} />), ctx, {
    keys: [surrogateKey.latest],
    contentSecurityPolicy: LITE_CONTENT_SECURITY_POLICY,
  });
}

/** The lite page of a section's listing `data` (getListing). */
export function liteSectionPage(ctx: PageContext, data: ListingContent): RenderedPage {
  const page = {
    heading: pagedHeading(ctx, data.name, data.page),
    full: listingPath('section', data.slug, data.page),
    lead: null,
    articles: data.articles,
    newer: data.page > 1 ? litePath.section(data.slug, data.page - 1) : null,
    older: data.hasOlder ? litePath.section(data.slug, data.page + 1) : null,
    withSections: false,
  };
  return htmlPage(renderDocument(<LiteListingPage ctx={ctx} data={page} />), ctx, {
    keys: [surrogateKey.section(data.id)],
    contentSecurityPolicy: LITE_CONTENT_SECURITY_POLICY,
  });
}
