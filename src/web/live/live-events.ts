/**
 * Live pages' events for readers (issue 19): the route `GET
 * /live/<id>/events` and the broadcaster of an article's live changes.
 *
 * The route answers a published article that has (or had) live coverage
 * with an event stream on topic `a<id>` (app.eventStreams, event-stream.ts);
 * anything else is 404. On connect it first sends what the reader missed:
 * the updates numbered above `Last-Event-ID` (the browser's reconnection)
 * or above `?after=<n>` (the newest one the page printed, which may come
 * from a cache), at most LIVE_REPLAY_MAX, oldest first; and for an ended
 * coverage the `state` event, after which it closes the stream.
 *
 * Events (the shared plan's, read by public/assets/live.js):
 * - `event: update`, `id: <n>`, data `{"action":"posted"|"edited"|"deleted","number":n,"html":"<article …>"|null,"key":"<li …>"|null}`
 *   (`key`: the update's entry in the key updates box, for a key update; its link is `#update-<n>`);
 * - `event: state`, data `{"state":"live"|"ended","html":"<p class=\"live-status…\">"}`.
 * The HTML is the page's own components (LiveUpdateItem, LiveKeyItem, LiveStatus), so
 * an arriving update is the one a reload would print.
 *
 * Its requests are not logged at info (route `logLevel: 'warn'`): a line
 * per reader would keep who follows which coverage (the reader's address),
 * and thousands of lines at a spike. Warnings and errors are still logged.
 *
 * The broadcaster is called by app.ts for every `PublicChange` of kind
 * `live` that reaches this instance (from itself or another one, over the
 * change channel): when this instance has readers on that article, it reads
 * the update (or the coverage) once and renders it once for all of them.
 * When the coverage ended, it sends the ended state and then closes every
 * stream of the article (EventStreams.closeTopic): nothing more will come,
 * and a client that does not close its stream itself (live.js does) would
 * otherwise hold a slot of the hub until it leaves.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { withoutLoneSurrogates } from '../../arabic/truncate.js';
import { parseArticleId } from '../../domain/article-id.js';
import type { ArticleId } from '../../domain/article.js';
import {
  liveUpdateAnchor,
  type LiveCoverage,
  type LiveUpdate,
} from '../../domain/live-coverage.js';
import type { PublicChange } from '../../domain/public-change.js';
import { surrogateKey } from '../../domain/public-change.js';
import type { Database } from '../../services/database.js';
import { getLiveUpdate, listLiveUpdates } from '../../services/live-coverage.js';
import { getArticle } from '../../services/read-pages.js';
import { LiveKeyItem, LiveStatus } from '../views/components/live-coverage.js';
import { LiveUpdateItem, type LiveRenderContext } from '../views/components/live-update.js';
import type { EventStreams, ServerSentEvent } from './event-stream.js';

/** Most updates sent on connect to a reader who missed some (the newest of them). */
export const LIVE_REPLAY_MAX = 50;

/** An update number as the browser sends it back: 1–999999999 in ASCII digits, else null. */
export function parseUpdateNumber(raw: unknown): number | null {
  return typeof raw === 'string' && /^[0-9]{1,9}$/.test(raw) ? Number(raw) : null;
}

/** The topic of an article's readers: its surrogate key, `a<id>`. */
export function liveTopic(id: ArticleId): string {
  return surrogateKey.article(id);
}

/** The update event of `action` on update `n` (`update` null: deleted). */
export function updateEvent(
  ctx: LiveRenderContext,
  action: 'posted' | 'edited' | 'deleted',
  n: number,
  update: LiveUpdate | null,
): ServerSentEvent {
  const html =
    update === null
      ? null
      : withoutLoneSurrogates(renderToString(h(LiveUpdateItem, { ctx, update })));
  const key =
    update?.key === true
      ? withoutLoneSurrogates(
          renderToString(h(LiveKeyItem, { ctx, update, href: `#${liveUpdateAnchor(n)}` })),
        )
      : null;
  return {
    event: 'update',
    id: String(n),
    data: JSON.stringify({ action: update === null ? 'deleted' : action, number: n, html, key }),
  };
}

/** The state event of `live` (the badge, or the ended banner). */
export function stateEvent(ctx: LiveRenderContext, live: LiveCoverage): ServerSentEvent {
  const html = renderToString(h(LiveStatus, { ctx, live }));
  return { event: 'state', data: JSON.stringify({ state: live.state, html }) };
}

export interface LiveEventsDeps {
  /** The database the page's updates are read from. */
  database: Database;
  /** The rendering context of a request's events (the site's translator and locale, the current time). */
  context: (request: FastifyRequest) => LiveRenderContext;
  /** 404s, as the rest of the site sends them. */
  notFound: (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>;
}

/** Registers `GET /live/:id/events` (see the module's comment). */
export async function liveEventRoutes(app: FastifyInstance, deps: LiveEventsDeps): Promise<void> {
  app.get<{ Params: { id: string }; Querystring: { after?: string } }>(
    '/live/:id/events',
    { logLevel: 'warn' },
    async (request, reply) => {
      const id = parseArticleId(request.params.id);
      const article = id === null ? null : await getArticle(deps, id);
      const live = article?.kind === 'article' ? article.live : null;
      if (article === null || live === null) return deps.notFound(request, reply);
      const after =
        parseUpdateNumber(request.headers['last-event-id']) ??
        parseUpdateNumber(request.query.after);
      const missed =
        after === null
          ? []
          : await listLiveUpdates(deps, article.id, {
              afterNumber: after,
              limit: LIVE_REPLAY_MAX,
            });
      const ctx = deps.context(request);
      const connection = app.eventStreams.open(request, reply, liveTopic(article.id), (send) => {
        // Oldest first, as they were posted.
        for (const update of [...missed].reverse())
          send(updateEvent(ctx, 'posted', update.number, update));
        if (live.state === 'ended') send(stateEvent(ctx, live));
      });
      if (connection !== null && live.state === 'ended') connection.close();
      return reply;
    },
  );
}

/**
 * The broadcaster of live changes to this instance's readers: call it with
 * every PublicChange (others are ignored). Reads and renders only when the
 * article has readers here; never throws (a failure is given to `onError`,
 * and the readers get the change at their next reload). After the state
 * `ended` (as read when the change arrives: a coverage started again at once
 * reads `live` and stays open), closes the article's streams.
 */
export function liveBroadcaster(deps: {
  database: Database;
  streams: Pick<EventStreams, 'subscribers' | 'broadcast' | 'closeTopic'>;
  context: () => LiveRenderContext;
  onError: (error: unknown) => void;
}): (change: PublicChange) => Promise<void> {
  return async (change) => {
    if (change.kind !== 'live') return;
    const topic = liveTopic(change.articleId);
    if (deps.streams.subscribers(topic) === 0) return;
    try {
      const answer = await changeEvent(deps, change);
      if (answer === null) return;
      deps.streams.broadcast(topic, answer.event);
      if (answer.ended) deps.streams.closeTopic(topic);
    } catch (error) {
      deps.onError(error);
    }
  };
}

async function changeEvent(
  deps: { database: Database; context: () => LiveRenderContext },
  change: Extract<PublicChange, { kind: 'live' }>,
): Promise<{ event: ServerSentEvent; ended: boolean } | null> {
  const { articleId, action, updateNumber } = change;
  switch (action) {
    case 'posted':
    case 'edited':
    case 'deleted': {
      if (updateNumber === null) return null;
      const update =
        action === 'deleted' ? null : await getLiveUpdate(deps, articleId, updateNumber);
      const event = updateEvent(deps.context(), action, updateNumber, update);
      return { event, ended: false };
    }
    case 'started':
    case 'ended': {
      const article = await getArticle(deps, articleId);
      if (!article?.live) return null;
      const event = stateEvent(deps.context(), article.live);
      return { event, ended: article.live.state === 'ended' };
    }
  }
}
