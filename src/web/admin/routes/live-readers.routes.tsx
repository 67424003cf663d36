/**
 * «القرّاء الآن»: `GET /admin/live`, the page with the figures at load, and
 * `GET /admin/live/events`, the Server-Sent Events that refresh them every
 * 5 s (topic `dashboard`, fed by live-readers-feed.ts, one computation per
 * instance for every viewer). Both need `stats.view` (editors and
 * administrators). The events route answers only an EventSource (Accept:
 * text/event-stream); a person who opens it is sent to the page. Its
 * requests are not logged at info (`logLevel: 'warn'`), as the readers'
 * streams are not (web/live/live-events.ts). Warnings and errors still are.
 */
import type { FastifyRequest } from 'fastify';
import { translator, type Language } from '../../../i18n/format.js';
import { readLiveReaders } from '../../../services/live-readers.js';
import type { LiveReaders } from '../../../domain/live-readers.js';
import type { EventStreams } from '../../live/event-stream.js';
import { renderToString } from 'preact-render-to-string';
import { withoutLoneSurrogates } from '../../../arabic/truncate.js';
import type { AdminDeps } from '../admin-kit.js';
import { DASHBOARD_TOPIC, LiveReadersFeed } from '../live-readers-feed.js';
import { adminRoute, type AdminRoute } from '../route-registry.js';
import { LiveReadersFigures, LiveReadersPage } from '../views/live-readers-page.js';

/** One feed per hub (so per app): built at the first viewer. */
const feeds = new WeakMap<EventStreams, LiveReadersFeed>();

/** The figures' HTML in `lang`, for every viewer alike. */
export function renderLiveFigures(deps: AdminDeps, figures: LiveReaders, lang: Language): string {
  const voice = {
    t: translator(lang),
    lang,
    dir: lang === 'ar' ? ('rtl' as const) : ('ltr' as const),
    locale: {
      lang: 'ar' as const,
      dir: 'rtl' as const,
      timeZone: deps.config.timeZone,
      numerals: lang === 'ar' ? deps.config.numerals : ('latn' as const),
      monthNames: deps.config.monthNames,
      calendar: 'gregory' as const,
    },
  };
  return withoutLoneSurrogates(
    renderToString(<LiveReadersFigures voice={voice} figures={figures} />),
  );
}

/** The feed of the app that `request` reached, built on first use. */
export function liveReadersFeed(request: FastifyRequest, deps: AdminDeps): LiveReadersFeed {
  const streams = request.server.eventStreams;
  let feed = feeds.get(streams);
  if (!feed) {
    feed = new LiveReadersFeed({
      streams,
      compute: () => readLiveReaders(deps, deps.now()),
      render: (figures, lang) => renderLiveFigures(deps, figures, lang),
      onError: (error) => request.server.log.error({ err: error }, 'live readers not read'),
    });
    feeds.set(streams, feed);
  }
  return feed;
}

export const liveReadersRoutes: AdminRoute[] = [
  adminRoute({
    id: 'live.page',
    method: 'GET',
    url: '/admin/live',
    permission: 'stats.view',
    handler: async (request, reply, kit) => {
      const figures = await readLiveReaders(kit.deps, kit.deps.now());
      reply.header('cache-control', 'no-store');
      return kit.render(
        reply,
        <LiveReadersPage
          ctx={kit.context(request, reply)}
          figures={figures}
          script={kit.context(request, reply).assets.liveReadersScript}
        />,
      );
    },
  }),
  adminRoute({
    id: 'live.events',
    method: 'GET',
    url: '/admin/live/events',
    permission: 'stats.view',
    logLevel: 'warn',
    handler: async (request, reply, kit) => {
      if (!String(request.headers.accept ?? '').includes('text/event-stream')) {
        return kit.redirect(reply, '/admin/live');
      }
      const connection = request.server.eventStreams.open(request, reply, DASHBOARD_TOPIC);
      if (connection) liveReadersFeed(request, kit.deps).watch();
      return reply;
    },
  }),
];
