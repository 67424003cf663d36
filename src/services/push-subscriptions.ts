/**
 * Readers' push subscriptions (issue 20), as the subscription API takes
 * them (web/site/push.routes.ts): a browser's `PushSubscription.toJSON()`
 * (W3C Push API) with the reader's choices, checked and saved; and
 * forgetting one. Nothing else about the reader is kept.
 *
 * Checks (each refusal an AppError, 400):
 * - PUSH_SUBSCRIPTION_INVALID: not an object of the documented shape;
 * - PUSH_ENDPOINT_INVALID: not an `https:` URL of at most 1,000 characters
 *   (`http:` only to 127.0.0.1 or localhost, when `allowLocalHttp`: tests);
 * - PUSH_KEYS_INVALID: `p256dh` not base64url of a 65-byte uncompressed
 *   P-256 point (first byte 0x04), `auth` not base64url of 16 bytes
 *   (RFC 8291 §3.1, §3.2);
 * - PUSH_SECTION_UNKNOWN: a section id that does not exist.
 */
import { AppError } from '../lib/errors.js';
import type { Database } from '../storage/database.js';
import {
  deletePushSubscriptionByEndpoint,
  existingSectionIds,
  savePushSubscription,
} from '../storage/repositories/push-subscriptions.repository.js';

/** The longest endpoint accepted, characters. */
export const PUSH_ENDPOINT_MAX = 1000;
/** Sections one subscription may follow at most. */
export const PUSH_SECTIONS_MAX = 100;

export interface PushSubscriptionDeps {
  database: Database;
  now: () => Date;
  /** Accept `http://127.0.0.1…` and `http://localhost…` endpoints (tests, benches). */
  allowLocalHttp?: boolean;
}

const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;

/** The bytes of base64url `text`, or null when it is not base64url. */
function base64url(text: unknown): Buffer | null {
  if (typeof text !== 'string' || !BASE64URL.test(text) || text.length > 200) return null;
  return Buffer.from(text.replace(/=+$/, ''), 'base64url');
}

/** The endpoint if acceptable, else throws PUSH_ENDPOINT_INVALID. */
export function checkPushEndpoint(endpoint: unknown, allowLocalHttp = false): string {
  const refuse = () =>
    new AppError(
      'PUSH_ENDPOINT_INVALID',
      `The endpoint must be an https URL of at most ${PUSH_ENDPOINT_MAX} characters.`,
    );
  if (typeof endpoint !== 'string' || endpoint.length > PUSH_ENDPOINT_MAX) throw refuse();
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw refuse();
  }
  const local = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
  const ok = url.protocol === 'https:' || (allowLocalHttp && local && url.protocol === 'http:');
  if (!ok || url.username !== '' || url.password !== '') throw refuse();
  return endpoint;
}

/**
 * Checks and saves a subscription from the body of `POST /push/subscriptions`
 * (`{subscription: {endpoint, keys: {p256dh, auth}}, breaking?, sections?}`;
 * `breaking` defaults to true). @returns `created` false when the endpoint
 * was known (its choices are replaced).
 */
export async function subscribeToPush(
  deps: PushSubscriptionDeps,
  body: unknown,
): Promise<{ created: boolean }> {
  const invalid = (why: string) => new AppError('PUSH_SUBSCRIPTION_INVALID', why);
  if (typeof body !== 'object' || body === null) throw invalid('The body must be a JSON object.');
  const { subscription, breaking, sections } = body as Record<string, unknown>;
  if (typeof subscription !== 'object' || subscription === null)
    throw invalid('`subscription` must be an object.');
  const { endpoint, keys } = subscription as Record<string, unknown>;
  const checkedEndpoint = checkPushEndpoint(endpoint, deps.allowLocalHttp);
  if (typeof keys !== 'object' || keys === null)
    throw new AppError('PUSH_KEYS_INVALID', '`subscription.keys` must be an object.');
  const { p256dh, auth } = keys as Record<string, unknown>;
  const point = base64url(p256dh);
  const secret = base64url(auth);
  if (point === null || point.length !== 65 || point[0] !== 0x04 || secret?.length !== 16) {
    throw new AppError(
      'PUSH_KEYS_INVALID',
      'p256dh must be a 65-byte uncompressed P-256 key and auth 16 bytes, base64url.',
    );
  }
  if (breaking !== undefined && typeof breaking !== 'boolean')
    throw invalid('`breaking` must be true or false.');
  const sectionList = sections ?? [];
  if (
    !Array.isArray(sectionList) ||
    sectionList.length > PUSH_SECTIONS_MAX ||
    !sectionList.every((s) => typeof s === 'string' && /^[1-9][0-9]{0,18}$/.test(s))
  ) {
    throw invalid('`sections` must be a list of section ids (strings of digits).');
  }
  const ids = [...new Set(sectionList as string[])];
  const known = await existingSectionIds(deps.database.db, ids);
  const unknown = ids.find((id) => !known.has(id));
  if (unknown !== undefined)
    throw new AppError('PUSH_SECTION_UNKNOWN', `There is no section ${unknown}.`);
  const saved = await savePushSubscription(
    deps.database.db,
    {
      endpoint: checkedEndpoint,
      p256dh: point.toString('base64url'),
      auth: secret.toString('base64url'),
      breaking: breaking ?? true,
      sectionIds: ids,
    },
    deps.now(),
  );
  return { created: saved.created };
}

/**
 * Forgets the subscription of the body's endpoint (`{endpoint}`), if
 * known: unsubscribing twice is no error. @throws PUSH_SUBSCRIPTION_INVALID, PUSH_ENDPOINT_INVALID
 */
export async function unsubscribeFromPush(
  deps: PushSubscriptionDeps,
  body: unknown,
): Promise<void> {
  if (typeof body !== 'object' || body === null)
    throw new AppError('PUSH_SUBSCRIPTION_INVALID', 'The body must be a JSON object.');
  const endpoint = checkPushEndpoint((body as Record<string, unknown>).endpoint, true);
  await deletePushSubscriptionByEndpoint(deps.database.db, endpoint);
}
