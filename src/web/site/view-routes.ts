/**
 * The view beacon: `POST /views/<id>`, sent by the article page's script
 * (public/assets/reader.js) once the page is shown. Counting here rather
 * than when the page is rendered means that a page served from the page
 * cache or from a CDN still counts, and that crawlers, which rarely run
 * scripts, mostly do not. The answer is always 204 with no body, so that
 * a beacon tells nothing about what was counted; an address past
 * MIDAD_VIEW_BEACONS_PER_MINUTE gets 429 (@fastify/rate-limit).
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { LRUCache } from 'lru-cache';
import { parseArticleId, type ArticleId } from '../../domain/article-id.js';
import { isPublishedArticle } from '../../services/read-pages.js';
import { isCountableView } from './countable-view.js';
import type { SiteDeps } from './site-deps.js';

/** How long a looked-up article id is trusted to be published (or not), ms. */
const KNOWN_ID_MS = 60_000;

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

  const limit = { rateLimit: { max: deps.beaconsPerMinute, timeWindow: 60_000 } };
  app.post<{ Params: { id: string } }>('/views/:id', { config: limit }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const id = parseArticleId(request.params.id);
    if (id === null || !isCountableView(request) || !(await isPublished(id))) {
      return reply.code(204).send();
    }
    const visitor = `${request.ip}\n${request.headers['user-agent'] ?? ''}`;
    if (deps.repeatViews.isFirstView(visitor, id)) deps.viewCounter.record(id);
    return reply.code(204).send();
  });
}
