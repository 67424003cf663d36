/**
 * The reader's alerts page, `GET /alerts` (views/alerts-page.tsx): the
 * same HTML for every reader (a device's choices live in its browser),
 * with the site's sections to follow. Cached by browsers and CDNs for five
 * minutes; not through the page cache (it is rarely asked for), so it
 * says its `Onion-Location` itself.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sectionNames } from '../../services/taxonomy-lists.js';
import { onionLocation } from '../cache/onion-location.js';
import { AlertsPage, ALERTS_PATH } from '../views/alerts-page.js';
import type { PageContext } from '../views/page-context.js';
import { renderDocument } from '../views/render.js';
import type { SiteDeps } from './site-deps.js';

export async function alertsRoutes(
  app: FastifyInstance,
  deps: SiteDeps & { context: (request: FastifyRequest) => Promise<PageContext> },
): Promise<void> {
  app.get(ALERTS_PATH, async (request, reply) => {
    const [ctx, sections] = await Promise.all([deps.context(request), sectionNames(deps)]);
    const onion = onionLocation(ctx.alternates.onion, request.url, request.headers);
    if (onion !== null) void reply.header('onion-location', onion);
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .send(renderDocument(<AlertsPage ctx={ctx} sections={sections} />));
  });
}
