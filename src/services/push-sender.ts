/**
 * Sending web push messages (issue 20): the outbox's `push` channel
 * (services/outbox-worker.ts). Each message is one article's alert to one
 * subscription: the payload (services/push-alerts.ts `pushPayload`) is
 * encrypted for the subscription (RFC 8291, `aes128gcm`, RFC 8188) and
 * POSTed to its endpoint (RFC 8030) with a VAPID `Authorization` header
 * (RFC 8292), `TTL` (a day: news older than that is not worth showing),
 * `Urgency: high` for breaking news and by-hand alerts (`normal` for a
 * section's), and `Topic: a<id>` (a newer message of the same article
 * replaces one not yet delivered).
 *
 * The web-push library builds each request (encryption and headers,
 * `generateRequestDetails`); this module signs the VAPID JWT once per push
 * service origin and sends with node:https (connections kept alive, up to
 * PUSH_CONCURRENCY requests at once; node:http only for the local stand-in
 * of the tests).
 *
 * The push service's answer decides the outcome (RFC 8030 §5, §8.3):
 * - 2xx (201 Created): sent;
 * - 404, 410: the subscription is gone: deleted here, never tried again;
 * - 429, 5xx, a timeout or a network error: retried, after `Retry-After`
 *   (seconds or an HTTP date) when the service gave one;
 * - any other 4xx (400, 401, 403, 413): failed, with the status and the
 *   start of the service's answer.
 */
import http from 'node:http';
import https from 'node:https';
import type webpush from 'web-push';
import { checkedLookup } from '../lib/public-address.js';
import type { OutboxMessage, SendOutcome } from '../domain/outbox.js';
import type { Database } from '../storage/database.js';
import { pruneOutboxMessages } from '../storage/repositories/outbox.repository.js';
import {
  addPushAlertCounts,
  findPushAlertsByArticles,
  type PushAlert,
} from '../storage/repositories/push-alerts.repository.js';
import {
  deletePushSubscriptions,
  findPushSubscriptions,
} from '../storage/repositories/push-subscriptions.repository.js';
import type { OutboxSender } from './outbox-worker.js';
import { OutboxWorker } from './outbox-worker.js';
import { pushPayload } from './push-alerts.js';
import { ensureVapidKeys, type VapidKeys } from './push-keys.js';

/** How long a push service keeps an undelivered message, seconds (RFC 8030 §5.2): a day. */
export const PUSH_TTL_SECONDS = 24 * 60 * 60;
/** How long a VAPID JWT is valid, seconds (RFC 8292 §2: at most 24 h). */
export const VAPID_JWT_SECONDS = 12 * 60 * 60;
/** Requests to push services in flight at once. */
export const PUSH_CONCURRENCY = 64;
/** How long one request may take, ms. */
export const PUSH_TIMEOUT_MS = 15_000;
/** How long settled outbox messages are kept, ms (a week), and how often they are pruned. */
export const OUTBOX_KEEP_MS = 7 * 24 * 60 * 60 * 1000;
export const OUTBOX_PRUNE_EVERY_MS = 60 * 60 * 1000;

export interface PushSenderOptions {
  database: Database;
  /** The site's origin for the payload's URLs (config/public-origin.ts). */
  origin: string;
  /** The VAPID `sub` claim (services/push-keys.ts vapidSubject). */
  subject: string;
  /** The key pair; default: the site's (made when missing). */
  keys?: VapidKeys;
  concurrency?: number;
  timeoutMs?: number;
}

/** `Retry-After` (seconds, or an HTTP date) as ms from now, or undefined. */
export function retryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The outcome of the push service's answer `status` (RFC 8030). */
export function pushOutcome(status: number, retryAfter: string | null, text: string): SendOutcome {
  const error = `HTTP ${status}${text ? `: ${text.slice(0, 200)}` : ''}`;
  if (status >= 200 && status < 300) return { status: 'sent' };
  if (status === 404 || status === 410) return { status: 'gone', error };
  if (status === 429 || status >= 500) {
    const wait = retryAfterMs(retryAfter);
    return wait === undefined
      ? { status: 'retry', error }
      : { status: 'retry', error, retryAfterMs: wait };
  }
  return { status: 'failed', error };
}

/** Connections kept open to push services, per origin at most PUSH_CONCURRENCY. */
const AGENTS = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: PUSH_CONCURRENCY }),
  // Push services are public: a subscription naming a private address is never connected to.
  'https:': new https.Agent({
    keepAlive: true,
    maxSockets: PUSH_CONCURRENCY,
    lookup: checkedLookup(false) as never,
  }),
};

/**
 * POSTs `body` to `endpoint`: https to public addresses only (checked at
 * connect time), http only to 127.0.0.1/localhost (the tests' stand-in). Resolves with the status,
 * `Retry-After` and the first 1,000 bytes of a refusal's body; rejects on
 * a network error or after `timeoutMs`.
 */
function post(
  endpoint: string,
  headers: Record<string, string | number>,
  body: Buffer | null,
  timeoutMs: number,
): Promise<{ status: number; retryAfter: string | null; text: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(endpoint);
    const local = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
      reject(Object.assign(new Error('not an https endpoint'), { code: 'EPROTO_ENDPOINT' }));
      return;
    }
    const agent = url.protocol === 'http:' ? AGENTS['http:'] : AGENTS['https:'];
    const request = (url.protocol === 'http:' ? http : https).request(
      url,
      { method: 'POST', headers, agent, timeout: timeoutMs },
      (response) => {
        const status = response.statusCode ?? 0;
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          if (size < 1000) chunks.push(chunk);
          size += chunk.length;
        });
        response.on('end', () =>
          resolve({
            status,
            retryAfter: [response.headers['retry-after']].flat()[0] ?? null,
            text: Buffer.concat(chunks).toString('utf8', 0, 1000).trim(),
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('timeout', () =>
      request.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })),
    );
    request.on('error', reject);
    request.end(body ?? undefined);
  });
}

/** Runs `work` over `items` with at most `limit` at once; results in order. */
async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i] as T);
    }
  });
  await Promise.all(lanes);
  return results;
}

/**
 * The push channel's sender. `settled` adds each batch's outcomes to the
 * alerts' counts and deletes the subscriptions found gone.
 */
export function pushSender(options: PushSenderOptions): OutboxSender {
  const { database, origin, subject } = options;
  const concurrency = options.concurrency ?? PUSH_CONCURRENCY;
  const timeoutMs = options.timeoutMs ?? PUSH_TIMEOUT_MS;
  let keys: Promise<VapidKeys> | null = options.keys ? Promise.resolve(options.keys) : null;
  const jwts = new Map<string, { header: string; expires: number }>();

  /** The VAPID header for a push service origin, signed once per origin every few hours. */
  const authorization = (lib: typeof webpush, audience: string, pair: VapidKeys): string => {
    const nowS = Math.floor(Date.now() / 1000);
    const known = jwts.get(audience);
    if (known && known.expires - nowS > 3600) return known.header;
    const expires = nowS + VAPID_JWT_SECONDS;
    const { Authorization } = lib.getVapidHeaders(
      audience,
      subject,
      pair.publicKey,
      pair.privateKey,
      'aes128gcm',
      expires,
    );
    jwts.set(audience, { header: Authorization, expires });
    return Authorization;
  };

  return {
    channel: 'push',
    async send(batch: readonly OutboxMessage[]): Promise<SendOutcome[]> {
      const pair = await (keys ??= ensureVapidKeys(database.db));
      // Loaded on the first batch, not with the server: most never send a push.
      const { default: lib } = await import('web-push');
      // Read every batch: an alert's words never change, but its reason (and so its urgency) may.
      const alerts = new Map<string, { alert: PushAlert; payload: string }>();
      const found = await findPushAlertsByArticles(
        database.db,
        batch.map((m) => m.subjectId),
      );
      for (const [id, alert] of found)
        alerts.set(id, { alert, payload: JSON.stringify(pushPayload(alert, origin)) });
      const subscriptions = await findPushSubscriptions(
        database.db,
        batch.map((m) => m.recipientId),
      );
      return mapLimit(batch, concurrency, async (message): Promise<SendOutcome> => {
        const subscription = subscriptions.get(message.recipientId);
        if (!subscription) return { status: 'gone', error: 'subscription deleted' };
        const entry = alerts.get(message.subjectId);
        if (!entry) return { status: 'failed', error: 'no alert for this article' };
        let request: ReturnType<typeof webpush.generateRequestDetails>;
        let audience: string;
        try {
          audience = new URL(subscription.endpoint).origin;
          request = lib.generateRequestDetails(
            {
              endpoint: subscription.endpoint,
              keys: { p256dh: subscription.p256dh, auth: subscription.auth },
            },
            entry.payload,
            {
              TTL: PUSH_TTL_SECONDS,
              contentEncoding: 'aes128gcm',
              urgency: entry.alert.reason === 'published' ? 'normal' : 'high',
              topic: `a${entry.alert.articleId}`,
              headers: { Authorization: authorization(lib, audience, pair) },
            },
          );
        } catch (error) {
          return { status: 'failed', error: `bad subscription: ${String(error)}` };
        }
        try {
          const answer = await post(request.endpoint, request.headers, request.body, timeoutMs);
          return pushOutcome(answer.status, answer.retryAfter, answer.text);
        } catch (error) {
          const code = (error as { code?: string }).code;
          // An endpoint that is not https, or names a private address, never will be.
          if (code === 'EPROTO_ENDPOINT' || code === 'ENOTPUBLIC')
            return { status: 'failed', error: (error as Error).message };
          return {
            status: 'retry',
            error: `network: ${code ?? (error instanceof Error ? error.message : String(error))}`,
          };
        }
      });
    },
    async settled(settled) {
      const counts = new Map<string, { sent: number; failed: number; gone: number }>();
      const gone: string[] = [];
      for (const { message, status } of settled) {
        let c = counts.get(message.subjectId);
        if (!c) counts.set(message.subjectId, (c = { sent: 0, failed: 0, gone: 0 }));
        if (status === 'sent') c.sent++;
        else if (status === 'failed') c.failed++;
        else if (status === 'gone') {
          c.gone++;
          gone.push(message.recipientId);
        }
      }
      for (const [articleId, add] of counts) await addPushAlertCounts(database.db, articleId, add);
      await deletePushSubscriptions(database.db, gone);
    },
  };
}

/** The push worker and the outbox's hourly prune, started together. */
export interface PushWorker {
  worker: OutboxWorker;
  stop(): Promise<void>;
}

/**
 * Starts the push channel's OutboxWorker (throttled to `perMinute`,
 * config `pushPerMinute`) and a timer that deletes settled outbox messages
 * a week old, of every channel, hourly (`pruneOutboxMessages`). Makes the
 * VAPID keys first when the site has none.
 */
export async function startPushWorker(options: {
  database: Database;
  now: () => Date;
  origin: string;
  subject: string;
  perMinute: number;
  onError: (error: unknown) => void;
}): Promise<PushWorker> {
  const keys = await ensureVapidKeys(options.database.db);
  const worker = new OutboxWorker({
    database: options.database,
    now: options.now,
    perMinute: options.perMinute,
    sender: pushSender({
      database: options.database,
      origin: options.origin,
      subject: options.subject,
      keys,
    }),
    onError: options.onError,
  });
  worker.start();
  const prune = () =>
    void pruneOutboxMessages(
      options.database.db,
      new Date(options.now().getTime() - OUTBOX_KEEP_MS),
    ).catch(options.onError);
  prune();
  const timer = setInterval(prune, OUTBOX_PRUNE_EVERY_MS);
  timer.unref();
  return {
    worker,
    async stop() {
      clearInterval(timer);
      await worker.stop();
    },
  };
}
