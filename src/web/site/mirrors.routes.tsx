/**
 * `GET /mirrors` (views/mirrors-page.tsx): the site's alternate addresses,
 * served through the page cache. The addresses are among the parts every
 * page shows, so saving them purges every page, this one with them
 * (services/alternate-addresses.ts).
 */
import type { FastifyInstance } from 'fastify';
import { MIRRORS_PATH } from '../../domain/alternate-addresses.js';
import { CACHED_ROUTE } from '../cache/cached-pages.js';
import { MirrorsPage } from '../views/mirrors-page.js';
import { renderDocument } from '../views/render.js';
import { htmlPage } from './html-page.js';
import type { SiteDepsWithContext } from './site-deps.js';

export async function mirrorsRoutes(
  app: FastifyInstance,
  deps: SiteDepsWithContext,
): Promise<void> {
  app.get(MIRRORS_PATH, CACHED_ROUTE, async (request, reply) => {
    await deps.pages.serve(request, reply, `${deps.originOf(request)}${MIRRORS_PATH}`, async () => {
      const ctx = await deps.context(request);
      return htmlPage(renderDocument(<MirrorsPage ctx={ctx} />), ctx, { keys: [] });
    });
    return reply;
  });
}
