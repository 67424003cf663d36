/**
 * The view beacon: `POST /views/<id>`, sent by the article page's script
 * (public/assets/reader.js) once the page is shown. Counting here rather
 * than when the page is rendered means that a page served from the page
 * cache or from a CDN still counts, and that crawlers, which rarely run
 * scripts, mostly do not. The answer is always 204 with no body, so that
 * a beacon tells nothing about what was counted; an address past
 * MIDAD_VIEW_BEACONS_PER_MINUTE gets 429 (@fastify/rate-limit).
 *
 * The body may carry where the reader came from: `r=<document.referrer>`,
 * form-encoded (what reader.js sends with sendBeacon) or as plain text. Only
 * its kind is kept (search, social, direct, other: domain/referrer-kind.ts);
 * the address itself is read and forgotten. The body is read as text of at
 * most BEACON_BODY_MAX_BYTES whatever its content type; a missing, malformed
 * or longer body, or one of another type, still counts, as direct.
 *
 * Nothing here touches the database per beacon: the article's published
 * state is cached for a minute, the repeat check and the count are in
 * memory (services/repeat-views.ts, services/view-counter.ts).
 *
 * Nor is a beacon logged at info (route `logLevel: 'warn'`): Fastify's two
 * lines per request would keep the reader's address and the article they
 * read (the newsroom is told no personal data is kept), two lines per
 * beacon at a spike. Warnings and errors are still logged.
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import { parseArticleId, type ArticleId } from '../../domain/article-id.js';
import { referrerKind, type ReferrerKind } from '../../domain/referrer-kind.js';
import { isPublishedArticle } from '../../services/read-pages.js';
import { isCountableView } from './countable-view.js';
import type { SiteDeps } from './site-deps.js';

/** How long a looked-up article id is trusted to be published (or not), ms. */
const KNOWN_ID_MS = 60_000;

/**
 * The longest beacon body read, in bytes: `r=` and a referrer of 2,000
 * characters, form-encoded. Browsers cut a longer referrer to its origin.
 */
export const BEACON_BODY_MAX_BYTES = 2048;

/**
 * The referrer a beacon's body carries: the `r` field of a form-encoded
 * body (`r=https%3A%2F%2Fwww.google.com%2F`), else the whole text body as
 * it is; '' when there is none.
 */
export function beaconReferrer(body: unknown): string {
  if (typeof body !== 'string' || body === '') return '';
  if (body.startsWith('r=') || body.includes('&r=')) {
    try {
      return new URLSearchParams(body).get('r') ?? '';
    } catch {
      return '';
    }
  }
  return body;
}

/** The host the page was served on, as a browser on it would give it in a same-site referrer. */
function hostOf(origin: string): string {
  try {
    return new URL(origin).hostname;
  } catch {
    return '';
  }
}

export async function viewRoutes(app: FastifyInstance, deps: SiteDeps): Promise<void> {
  // One address sending beacons by the hundred is a script, not readers: past the
  // limit it gets 429 and counts nothing. (Readers behind one carrier-grade NAT
  // share an address: keep the limit well above what a newsroom's readers send.)
  await app.register(rateLimit, { global: false });
  // A spike sends thousands of beacons for the same few articles: ask the database once a minute.
  const published = new LRUCache<ArticleId, boolean>({ max: 10_000, ttl: KNOWN_ID_MS });
  const isPublished = async (id: ArticleId): Promise<boolean> => {
    let known = published.get(id);
    if (known === undefined) {
      known = await isPublishedArticle(deps, id);
      published.set(id, known);
    }
    return known;
  };

  /** Counts the view of `id` by `request`'s reader, from a referrer of kind `kind`, when it counts. */
  const count = async (request: FastifyRequest, id: string, kind: ReferrerKind): Promise<void> => {
    const article = parseArticleId(id);
    if (article === null || !isCountableView(request) || !(await isPublished(article))) return;
    const visitor = `${request.ip}\n${request.headers['user-agent'] ?? ''}`;
    if (deps.repeatViews.isFirstView(visitor, article)) deps.viewCounter.record(article, kind);
  };

  // Its own scope: the body parsers and the error handler below are the beacon's alone.
  await app.register(async (scope) => {
    // Any body, of any type, is read as text up to the limit (a beacon must never be a 415).
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      '*',
      { parseAs: 'string', bodyLimit: BEACON_BODY_MAX_BYTES },
      (_request, body, done) => done(null, body),
    );
    // A body too long or unreadable is not the reader's fault: the view counts, as direct.
    scope.setErrorHandler(async (error, request, reply) => {
      const status = (error as { statusCode?: number }).statusCode ?? 500;
      if (status >= 500 || status === 429) throw error;
      const { id } = request.params as { id?: string };
      if (id !== undefined) await count(request, id, 'direct');
      return reply.code(204).header('cache-control', 'no-store').send();
    });
    const limit = { rateLimit: { max: deps.beaconsPerMinute, timeWindow: 60_000 } };
    scope.post<{ Params: { id: string }; Body: unknown }>(
      '/views/:id',
      // Not logged at info: see the module's comment.
      { config: limit, bodyLimit: BEACON_BODY_MAX_BYTES, logLevel: 'warn' },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        const kind = referrerKind(beaconReferrer(request.body), hostOf(deps.originOf(request)));
        await count(request, request.params.id, kind);
        return reply.code(204).send();
      },
    );
  });
}
