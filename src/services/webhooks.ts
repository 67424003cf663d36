/**
 * Publish webhooks, for administrators: register a URL for some of
 * `article.published`, `article.updated` and `article.unpublished` (its
 * signing secret is shown once), delete it, read the delivery log. And the
 * outbox: `enqueueWebhookEvent` queues a delivery for each subscribed hook
 * inside the transaction of the change it reports.
 */
import { canonicalArticlePath } from '../domain/article-path.js';
import { can, type Actor } from '../domain/roles.js';
import {
  isWebhookEvent,
  type Delivery,
  type Webhook,
  type WebhookEvent,
} from '../domain/webhook.js';
import { AppError, InvalidInput } from '../lib/errors.js';
import { checkPublicUrl } from '../lib/public-url.js';
import { randomToken } from '../lib/tokens.js';
import {
  deleteWebhook,
  insertDeliveries,
  insertWebhook,
  listDeliveries,
  listWebhooks,
} from '../storage/repositories/webhooks.repository.js';
import type { Db } from '../storage/db.js';
import type { Database } from '../storage/database.js';

/** What managing webhooks needs (a service's EditDeps has it): the database and the clock. */
export interface WebhookDeps {
  database: Database;
  now: () => Date;
}

/** Longest hook URL, in characters. */
export const WEBHOOK_URL_MAX = 2000;
/** Deliveries the log shows. */
export const DELIVERY_LOG_SIZE = 50;

function allow(actor: Actor): void {
  if (!can(actor, 'webhook.manage'))
    throw new AppError('FORBIDDEN', 'Only administrators manage webhooks.');
}

/**
 * The URL of a new hook, checked: http(s), no user name or password, and a
 * host whose every address is public unless `allowPrivate`.
 * @throws InvalidInput WEBHOOK_URL_INVALID, WEBHOOK_HOST_UNKNOWN, WEBHOOK_PRIVATE_ADDRESS
 */
async function checkedUrl(raw: string, allowPrivate: boolean): Promise<string> {
  const checked = await checkPublicUrl(raw, { allowPrivate, maxLength: WEBHOOK_URL_MAX });
  if (checked.url !== undefined) return checked.url;
  const problem = checked.problem;
  switch (problem.kind) {
    case 'invalid':
      throw new InvalidInput('WEBHOOK_URL_INVALID', 'url', 'Give an http or https URL.');
    case 'host-unknown':
      throw new InvalidInput(
        'WEBHOOK_HOST_UNKNOWN',
        'url',
        `The host ${problem.host} cannot be found.`,
      );
    case 'private':
      throw new InvalidInput(
        'WEBHOOK_PRIVATE_ADDRESS',
        'url',
        `${problem.host} is a loopback or private address; tick "allow a private address" to use it.`,
      );
  }
}

/**
 * Registers a hook. @returns its id and signing secret (shown once: `whsec_` and 43 URL-safe characters).
 * @throws AppError FORBIDDEN; InvalidInput (see checkedUrl) and WEBHOOK_EVENTS_MISSING.
 */
export async function createWebhook(
  deps: WebhookDeps,
  actor: Actor,
  input: { url: string; events: string[]; allowPrivate: boolean },
): Promise<{ id: string; secret: string }> {
  allow(actor);
  const events = [...new Set(input.events.filter(isWebhookEvent))];
  if (events.length === 0)
    throw new InvalidInput('WEBHOOK_EVENTS_MISSING', 'events', 'Choose at least one event.');
  const url = await checkedUrl(input.url, input.allowPrivate);
  const secret = `whsec_${randomToken()}`;
  const id = await insertWebhook(
    deps.database.db,
    { url, events, secret, allowPrivate: input.allowPrivate, createdBy: actor.id },
    deps.now(),
  );
  return { id, secret };
}

/** The hooks (secrets included) and the newest deliveries. @throws AppError FORBIDDEN */
export async function webhooksOverview(
  deps: WebhookDeps,
  actor: Actor,
): Promise<{ hooks: Webhook[]; deliveries: Delivery[] }> {
  allow(actor);
  const [hooks, deliveries] = await Promise.all([
    listWebhooks(deps.database.db),
    listDeliveries(deps.database.db, DELIVERY_LOG_SIZE),
  ]);
  return { hooks, deliveries };
}

/** Deletes a hook; its pending deliveries are dropped. @throws AppError FORBIDDEN, WEBHOOK_NOT_FOUND */
export async function removeWebhook(deps: WebhookDeps, actor: Actor, id: string): Promise<void> {
  allow(actor);
  if (!/^[1-9][0-9]{0,18}$/.test(id) || !(await deleteWebhook(deps.database.db, id, deps.now())))
    throw new AppError('WEBHOOK_NOT_FOUND', 'No such webhook.');
}

/** What a delivery reports of an article. */
export interface WebhookArticle {
  id: string;
  headline: string;
  slug: string | null;
  publishedAt: Date | null;
}

/**
 * Queues `event` about `article` for each subscribed hook, in `db` (the
 * caller's transaction). The body: `{ event, occurredAt, article: { id,
 * headline, slug, path, publishedAt } }`; the dispatcher adds
 * `article.url` when the site's address is configured. `extra` adds
 * members after those (issue 19: `liveUpdate` for a live update, `live`
 * for a coverage started or ended, `note` for a public note); it cannot
 * replace `event`, `occurredAt` or `article`.
 * @example enqueueWebhookEvent(trx, 'article.updated', article, now, { note: { kind: 'correction', text: '…', createdAt: '…' } })
 */
export function enqueueWebhookEvent(
  db: Db,
  event: WebhookEvent,
  article: WebhookArticle,
  now: Date,
  extra: Readonly<Record<string, unknown>> = {},
): Promise<number> {
  const { event: _e, occurredAt: _o, article: _a, ...more } = extra;
  const payload = JSON.stringify({
    event,
    occurredAt: now.toISOString(),
    article: {
      id: article.id,
      headline: article.headline,
      slug: article.slug,
      path: canonicalArticlePath(article.id, article.slug),
      publishedAt: article.publishedAt?.toISOString() ?? null,
    },
    ...more,
  });
  return insertDeliveries(db, event, payload, now);
}
