/**
 * The web push subscription API (issue 20), called by the reader's
 * browser (public/assets/push.js, the /alerts page):
 *
 * - `GET /push/public-key` → 200 `{"publicKey": "<base64url>"}`: the
 *   site's VAPID public key (RFC 8292), for `pushManager.subscribe`'s
 *   `applicationServerKey`; `Cache-Control: public, max-age=3600`.
 * - `POST /push/subscriptions` (JSON ≤ 8 KB) `{"subscription": {"endpoint",
 *   "keys": {"p256dh", "auth"}}, "breaking": true, "sections": ["12"]}` →
 *   201 `{"ok": true}` for a new endpoint, 200 `{"ok": true}` when it was
 *   known (its choices are replaced).
 * - `POST /push/subscriptions/delete` (JSON) `{"endpoint"}` → 204.
 *
 * Refusals: `{"error": {"code", "message"}}` (message in Arabic): 400
 * PUSH_SUBSCRIPTION_INVALID (not JSON, not the shape), PUSH_ENDPOINT_INVALID,
 * PUSH_KEYS_INVALID, PUSH_SECTION_UNKNOWN; 413 PUSH_BODY_TOO_LARGE; 429
 * past PUSH_REQUESTS_PER_MINUTE from one address (@fastify/rate-limit).
 * Nothing is logged at info beyond Fastify's request lines: no endpoint.
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { AppError } from '../../lib/errors.js';
import type { Database } from '../../services/database.js';
import { ensureVapidKeys } from '../../services/push-keys.js';
import { subscribeToPush, unsubscribeFromPush } from '../../services/push-subscriptions.js';

/** Subscription changes one address may make in a minute. */
export const PUSH_REQUESTS_PER_MINUTE = 30;
/** The largest subscription request, bytes. */
export const PUSH_BODY_MAX_BYTES = 8 * 1024;

export interface PushRouteDeps {
  database: Database;
  now: () => Date;
  /** Accept http endpoints on 127.0.0.1/localhost (a site served locally: tests). */
  allowLocalHttp: boolean;
}

function refuse(reply: FastifyReply, error: AppError) {
  return reply
    .code(error.status)
    .header('cache-control', 'no-store')
    .send({ error: { code: error.code, message: error.toUserMessage() } });
}

export async function pushRoutes(app: FastifyInstance, deps: PushRouteDeps): Promise<void> {
  await app.register(rateLimit, { global: false });
  let publicKey: Promise<string> | null = null;

  app.get('/push/public-key', async (_request, reply) => {
    publicKey ??= ensureVapidKeys(deps.database.db).then((k) => k.publicKey);
    const key = await publicKey.catch((error: unknown) => {
      publicKey = null;
      throw error;
    });
    return reply.header('cache-control', 'public, max-age=3600').send({ publicKey: key });
  });

  await app.register(async (scope) => {
    // Every refusal in the documented JSON shape, whatever failed: parsing, size, type, checks.
    scope.setErrorHandler(async (error, _request, reply) => {
      if (error instanceof AppError) return refuse(reply, error);
      const status = (error as { statusCode?: number }).statusCode ?? 500;
      const code = (error as { code?: string }).code ?? '';
      if (status === 429) throw error;
      if (code === 'FST_ERR_CTP_BODY_TOO_LARGE')
        return refuse(reply, new AppError('PUSH_BODY_TOO_LARGE', 'The body is over 8 KB.'));
      if (status < 500)
        return refuse(
          reply,
          new AppError(
            'PUSH_SUBSCRIPTION_INVALID',
            'The body must be JSON of the documented shape.',
          ),
        );
      throw error;
    });
    const options = {
      config: { rateLimit: { max: PUSH_REQUESTS_PER_MINUTE, timeWindow: 60_000 } },
      bodyLimit: PUSH_BODY_MAX_BYTES,
    };
    scope.post('/push/subscriptions', options, async (request, reply) => {
      const { created } = await subscribeToPush(deps, request.body);
      return reply
        .code(created ? 201 : 200)
        .header('cache-control', 'no-store')
        .send({ ok: true });
    });
    scope.post('/push/subscriptions/delete', options, async (request, reply) => {
      await unsubscribeFromPush(deps, request.body);
      return reply.code(204).header('cache-control', 'no-store').send();
    });
  });
}
