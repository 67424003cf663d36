/**
 * Sitemaps and robots.txt (sitemaps.org protocol 0.9; Google News sitemap
 * extension; RFC 9309 for robots.txt):
 *
 * - `/sitemap.xml`: the index of the monthly sitemaps;
 * - `/sitemaps/<YYYY-MM>.xml` (and `-2`, `-3`… past 50,000 articles,
 *   `undated.xml` for articles of unknown date): each article's canonical
 *   URL and last public change (its dateModified: a silent edit does not
 *   move it, services/sitemap-entries.ts); `pages.xml` for static pages at
 *   `/p/<slug>`;
 * - `/sitemaps/news.xml`: the Google News sitemap;
 * - `/robots.txt`: what crawlers may fetch, and where the sitemaps are.
 *
 * The XML is written by the `sitemap` library's streams, which escape text
 * and check every URL; the text we hand them is also stripped of what XML
 * 1.0 forbids (`removeXmlForbidden`), whatever the library does; the articles flow in from the database a batch at a
 * time, so no sitemap is ever one string in memory. URLs are the views'
 * paths, Arabic slugs percent-encoded (RFC 3986).
 */
import { Readable, pipeline } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { removeXmlForbidden } from '../../arabic/clean.js';
import type { SitemapRow } from '../../domain/sitemap-row.js';
import { ErrorLevel, SitemapIndexStream, SitemapStream, type SitemapItemLoose } from 'sitemap';
import { zonedIsoString } from '../../lib/time-zone.js';
import {
  getNewsArticles,
  getSitemapFile,
  listSitemapFiles,
} from '../../services/sitemap-entries.js';
import { isNotModified, validatorsOf } from '../feeds/conditional-get.js';
import { absoluteUrl, canonicalArticlePath, pagePath } from '../views/page-context.js';
import { sendNotFound } from './error-pages.js';
import { SITEMAP_INDEX_PATH } from './site-paths.js';
import type { SiteDeps } from './site-deps.js';

/** How long a cache may keep a sitemap, seconds (the news sitemap changes often). */
const SITEMAP_MAX_AGE = 600;
const NEWS_MAX_AGE = 120;
const XML = 'application/xml; charset=utf-8';

/** A news sitemap with no article (sitemaps.org 0.9 and Google's news namespace). */
const EMPTY_NEWS_SITEMAP =
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" ' +
  'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"></urlset>';

/** The path of the news sitemap (the index's is in site-paths.ts). */
export const NEWS_SITEMAP_PATH = '/sitemaps/news.xml';

export async function sitemapRoutes(app: FastifyInstance, deps: SiteDeps): Promise<void> {
  app.get(SITEMAP_INDEX_PATH, async (request, reply) => {
    const origin = deps.pageContext(request).origin;
    const files = await listSitemapFiles(deps);
    const validators = validatorsOf(
      [origin, ...files.map((f) => `${f.name}@${f.lastModified?.toISOString() ?? ''}`)],
      newest(files.map((f) => f.lastModified)),
    );
    if (
      isNotModified(
        request,
        reply.header('cache-control', `public, max-age=${SITEMAP_MAX_AGE}`),
        validators,
      )
    ) {
      return reply.code(304).send();
    }
    const index = new SitemapIndexStream({ level: ErrorLevel.THROW });
    const items = files.map((f) => ({
      url: `${origin}/sitemaps/${f.name}.xml`,
      ...(f.lastModified ? { lastmod: f.lastModified.toISOString() } : {}),
    }));
    return sendStream(request, reply, Readable.from(items), index);
  });

  app.get(NEWS_SITEMAP_PATH, async (request, reply) => {
    const ctx = deps.pageContext(request);
    const rows = await getNewsArticles(deps, deps.now());
    const validators = validatorsOf(
      [ctx.origin, ctx.siteName, ...rows.map((r) => `${r.id}@${r.updatedAt.toISOString()}`)],
      newest(rows.map((r) => r.updatedAt)),
    );
    if (
      isNotModified(
        request,
        reply.header('cache-control', `public, max-age=${NEWS_MAX_AGE}`),
        validators,
      )
    ) {
      return reply.code(304).send();
    }
    const items = rows.map((row): SitemapItemLoose => ({
      url: absoluteUrl(ctx, canonicalArticlePath(row.id, row.slug)),
      news: {
        publication: { name: removeXmlForbidden(ctx.siteName), language: 'ar' },
        // Every row has a date: it was selected by it.
        publication_date: zonedIsoString(row.publishedAt ?? row.updatedAt, deps.timeZone),
        title: removeXmlForbidden(row.headline),
      },
    }));
    // The library refuses to write a sitemap without a URL; a quiet two days still
    // deserve a valid (empty) news sitemap, not an error.
    if (items.length === 0) return reply.header('content-type', XML).send(EMPTY_NEWS_SITEMAP);
    return sendStream(request, reply, Readable.from(items), urlset(ctx.origin, true));
  });

  app.get<{ Params: { file: string } }>('/sitemaps/:file', async (request, reply) => {
    const name = /^(.+)\.xml$/.exec(request.params.file)?.[1];
    const file = name ? await getSitemapFile(deps, name) : null;
    if (!file) return sendNotFound(request, reply, deps);
    const origin = deps.pageContext(request).origin;
    const validators = validatorsOf(
      [origin, name ?? '', String(file.count), file.lastSaved?.toISOString() ?? ''],
      file.lastModified,
    );
    if (
      isNotModified(
        request,
        reply.header('cache-control', `public, max-age=${SITEMAP_MAX_AGE}`),
        validators,
      )
    ) {
      return reply.code(304).send();
    }
    const items = Readable.from(articleItems(origin, file.rows));
    return sendStream(request, reply, items, urlset(origin, false));
  });

  app.get('/robots.txt', async (request, reply) => {
    const origin = deps.pageContext(request).origin;
    return reply
      .header('content-type', 'text/plain; charset=utf-8')
      .header('cache-control', 'public, max-age=86400')
      .send(
        [
          'User-agent: *',
          'Disallow: /admin',
          'Disallow: /preview/',
          'Disallow: /search',
          '',
          `Sitemap: ${origin}${SITEMAP_INDEX_PATH}`,
          `Sitemap: ${origin}${NEWS_SITEMAP_PATH}`,
          '',
        ].join('\n'),
      );
  });
}

/** The sitemap entries of `rows`, as they come from the database. */
async function* articleItems(
  origin: string,
  rows: AsyncIterable<SitemapRow>,
): AsyncGenerator<SitemapItemLoose> {
  for await (const row of rows) {
    yield {
      url: `${origin}${
        row.kind === 'page' && row.slug !== null
          ? pagePath(row.slug)
          : canonicalArticlePath(row.id, row.slug)
      }`,
      lastmod: row.lastModified.toISOString(),
    };
  }
}

function urlset(origin: string, news: boolean): SitemapStream {
  return new SitemapStream({
    hostname: origin,
    level: ErrorLevel.THROW,
    xmlns: { news, xhtml: false, image: false, video: false },
  });
}

function newest(dates: ReadonlyArray<Date | null>): Date | null {
  return dates.reduce<Date | null>((max, d) => (d && (!max || d > max) ? d : max), null);
}

/** Streams `items` through `writer` to the client; a failure midway is logged and ends the response. */
function sendStream(
  request: FastifyRequest,
  reply: FastifyReply,
  items: Readable,
  writer: SitemapStream | SitemapIndexStream,
): FastifyReply {
  const out = pipeline(items, writer, (error) => {
    if (error) request.log.error({ err: error }, 'sitemap stream failed');
  });
  return reply.header('content-type', XML).send(out);
}
