/**
 * Email newsletter subscriptions (issue 20), with double opt-in: the
 * subscription form asks, a confirmation mail is sent, and only the link
 * in it (valid 48 hours) makes the address `active`. Every mail carries a
 * link that unsubscribes in one click (RFC 8058) and a preferences link.
 *
 * The form never tells whether an address subscribes: its answer is the
 * same for a new address, a pending one, an active one (which is sent a
 * "you are subscribed already" mail with its preferences link instead),
 * and one over the mail limit. At most `MAILS_PER_EMAIL` mails a day go
 * to one address from the form, so it cannot be used to flood a mailbox;
 * the routes also limit requests per client address.
 */
import { LRUCache } from 'lru-cache';
import { randomToken } from '../lib/tokens.js';
import type { Database } from '../storage/database.js';
import {
  activateSubscriber,
  countSubscribersByStatus,
  deleteUnconfirmedSubscribers,
  findSubscriberByEmail,
  findSubscriberByToken,
  insertPendingSubscriber,
  renewPendingSubscriber,
  saveSubscriberChoices,
  unsubscribeSubscriber,
  type Subscriber,
  type SubscriberStatus,
} from '../storage/repositories/newsletter-subscribers.repository.js';

export type { Subscriber, SubscriberStatus };

/** How long a confirmation link works, ms (48 hours). */
export const CONFIRM_LINK_MS = 48 * 60 * 60 * 1000;
/** Mails the form sends to one address at most in `MAIL_LIMIT_WINDOW_MS`. */
export const MAILS_PER_EMAIL = 3;
/** The window of that limit, ms (24 hours). */
export const MAIL_LIMIT_WINDOW_MS = 24 * 60 * 60 * 1000;
/** The longest address accepted, characters (RFC 5321 §4.5.3.1.3 path limit, less the brackets). */
export const EMAIL_MAX_LENGTH = 254;

/**
 * `raw` as stored (trimmed, lowercased), or null when it is not a
 * plausible mailbox address: one `@`, a local part of 1 to 64 printable
 * characters without spaces, quotes or angle brackets, a domain of
 * dot-separated labels (letters, digits, hyphens; IDN in Unicode allowed)
 * with at least one dot, at most 254 characters in all.
 * @example normaliseEmail(' Reader@Example.COM ') === 'reader@example.com'
 */
export function normaliseEmail(raw: string): string | null {
  const email = raw.trim().toLowerCase();
  if (email.length > EMAIL_MAX_LENGTH) return null;
  const at = email.lastIndexOf('@');
  if (at < 1 || at !== email.indexOf('@')) return null;
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (local.length > 64 || !/^[^\s"<>()[\]\\,;:@\p{Cc}]+$/u.test(local)) return null;
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) return null;
  const labels = domain.split('.');
  if (labels.length < 2) return null;
  if (!labels.every((l) => /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u.test(l))) {
    return null;
  }
  return email;
}

/**
 * Counts the mails the form sent to each address, in this process, over
 * a sliding window: `allow(email)` is true (and counts) while fewer than
 * `max` were sent in the last `windowMs`. Holds 100,000 addresses at most
 * (the oldest forgotten first).
 */
export class MailLimit {
  readonly #sent = new LRUCache<string, number[]>({ max: 100_000 });
  constructor(
    readonly max = MAILS_PER_EMAIL,
    readonly windowMs = MAIL_LIMIT_WINDOW_MS,
  ) {}

  /** True when one more mail may go to `email` at `now`; counts it then. */
  allow(email: string, now: Date): boolean {
    const since = now.getTime() - this.windowMs;
    const times = (this.#sent.get(email) ?? []).filter((t) => t > since);
    if (times.length >= this.max) {
      this.#sent.set(email, times);
      return false;
    }
    times.push(now.getTime());
    this.#sent.set(email, times);
    return true;
  }
}

export interface SubscriberDeps {
  database: Database;
  now: () => Date;
  /** The per-address mail limit, shared by the process's requests. */
  mailLimit: MailLimit;
}

/** What a reader asked for on the form. */
export interface SubscriptionRequest {
  /** As typed; see normaliseEmail. */
  email: string;
  digest: boolean;
  breaking: boolean;
}

/**
 * A mail the form's request calls for: `confirm` (the double opt-in link,
 * for a new, pending or former subscriber) or `subscribed` (the address is
 * active already: its preferences link).
 */
export interface SubscriptionMail {
  kind: 'confirm' | 'subscribed';
  email: string;
  token: string;
  /** The lists it asked for (`confirm`) or receives (`subscribed`). */
  digest: boolean;
  breaking: boolean;
  /** When the confirmation link stops working (`confirm` only). */
  expiresAt: Date | null;
}

/**
 * Records a subscription request. A new address is stored `pending`; a
 * pending, unsubscribed, bounced or complained one is `pending` again
 * with the new choices, a new 48-hour expiry and a NEW token (the links
 * of every older mail, forwarded or kept, stop working: only the mailbox
 * that receives the new confirmation can confirm); an active one is left as it is (its choices change only on its
 * preferences page). Over the per-address mail limit nothing is done.
 * @returns the mail to send, or null (over the limit). The caller answers
 *   the same in every case.
 * @throws Error when `request.email` is not an address (check it first
 *   with normaliseEmail).
 */
export async function requestSubscription(
  deps: SubscriberDeps,
  request: SubscriptionRequest,
): Promise<SubscriptionMail | null> {
  const email = normaliseEmail(request.email);
  if (email === null) throw new Error('not an email address');
  const now = deps.now();
  if (!deps.mailLimit.allow(email, now)) return null;
  const expiresAt = new Date(now.getTime() + CONFIRM_LINK_MS);
  const choices = {
    digest: request.digest,
    breaking: request.breaking,
    confirmExpiresAt: expiresAt,
  };
  const db = deps.database.db;
  const token = randomToken(32);
  const existing = await findSubscriberByEmail(db, email);
  const subscribed = (s: Subscriber): SubscriptionMail => ({
    kind: 'subscribed',
    email,
    token: s.token,
    digest: s.digest,
    breaking: s.breaking,
    expiresAt: null,
  });
  if (existing === null) {
    const made = await insertPendingSubscriber(db, { email, ...choices, token }, now);
    // Another request inserted it a moment ago: that one's mail went, or goes.
    if (made.status === 'active') return subscribed(made);
    return {
      kind: 'confirm',
      email,
      token: made.token,
      digest: made.digest,
      breaking: made.breaking,
      expiresAt: made.confirmExpiresAt,
    };
  }
  if (existing.status === 'active') return subscribed(existing);
  if (!(await renewPendingSubscriber(db, existing.id, { ...choices, token }))) {
    return subscribed((await findSubscriberByEmail(db, email)) ?? existing);
  }
  return {
    kind: 'confirm',
    email,
    token,
    digest: request.digest,
    breaking: request.breaking,
    expiresAt,
  };
}

/** A well-formed token (randomToken(32): 43 base64url characters), else null: spares a query. */
function tokenOf(raw: unknown): string | null {
  return typeof raw === 'string' && /^[A-Za-z0-9_-]{20,100}$/.test(raw) ? raw : null;
}

/** The subscriber whose link carries `token`, or null (unknown or malformed). */
export async function subscriberByToken(
  deps: Pick<SubscriberDeps, 'database'>,
  token: unknown,
): Promise<Subscriber | null> {
  const valid = tokenOf(token);
  return valid === null ? null : findSubscriberByToken(deps.database.db, valid);
}

/**
 * Follows a confirmation link.
 * @returns `confirmed` (now active), `already` (active before),
 *   `expired` (pending, link older than 48 h: subscribe again),
 *   `invalid` (no such link, or the address left since).
 */
export async function confirmSubscription(
  deps: Omit<SubscriberDeps, 'mailLimit'>,
  token: unknown,
): Promise<'confirmed' | 'already' | 'expired' | 'invalid'> {
  const subscriber = await subscriberByToken(deps, token);
  if (subscriber === null) return 'invalid';
  if (subscriber.status === 'active') return 'already';
  if (subscriber.status !== 'pending') return 'invalid';
  if (await activateSubscriber(deps.database.db, subscriber.id, deps.now())) return 'confirmed';
  return 'expired';
}

/** An edition id as a link carries it (`e=`), or null. */
export function editionIdOf(raw: unknown): string | null {
  return typeof raw === 'string' && /^[1-9][0-9]{0,18}$/.test(raw) ? raw : null;
}

/**
 * Unsubscribes the subscriber of `token` (RFC 8058 one-click, or the
 * preferences page), recording `editionId` (the edition whose link was
 * used) for that edition's count. Unsubscribing twice is not an error.
 * @returns the subscriber, or null for an unknown token.
 */
export async function unsubscribe(
  deps: Omit<SubscriberDeps, 'mailLimit'>,
  token: unknown,
  editionId: string | null,
): Promise<Subscriber | null> {
  const subscriber = await subscriberByToken(deps, token);
  if (subscriber === null) return null;
  await unsubscribeSubscriber(deps.database.db, subscriber.id, editionId, deps.now());
  return subscriber;
}

/**
 * «تراجعتُ، أعِد اشتراكي» on the unsubscribed page. The token in the
 * page's address may come from an old or forwarded mail, so it proves
 * nothing about the mailbox: the subscriber is made `pending` again with
 * its former choices and a new token (see requestSubscription), and a
 * new confirmation mail goes to its address (double opt-in again).
 * @returns `{ email, mail }` — `mail` the confirmation to send, or null
 *   over the per-address mail limit (the page answers the same) — or
 *   null for an unknown token or a subscriber who is not unsubscribed.
 */
export async function resubscribe(
  deps: SubscriberDeps,
  token: unknown,
): Promise<{ email: string; mail: SubscriptionMail | null } | null> {
  const subscriber = await subscriberByToken(deps, token);
  if (subscriber === null || subscriber.status !== 'unsubscribed') return null;
  const digest = subscriber.digest || !subscriber.breaking;
  const mail = await requestSubscription(deps, {
    email: subscriber.email,
    digest,
    breaking: subscriber.breaking,
  });
  return { email: subscriber.email, mail };
}

/**
 * Saves what an active subscriber wants from the preferences page; both
 * off unsubscribes (no edition). @returns the subscriber as it now is, or
 * null for an unknown token or one not active.
 */
export async function savePreferences(
  deps: Omit<SubscriberDeps, 'mailLimit'>,
  token: unknown,
  choices: { digest: boolean; breaking: boolean },
): Promise<Subscriber | null> {
  const subscriber = await subscriberByToken(deps, token);
  if (subscriber === null || subscriber.status !== 'active') return null;
  if (!choices.digest && !choices.breaking) {
    await unsubscribeSubscriber(deps.database.db, subscriber.id, null, deps.now());
  } else {
    await saveSubscriberChoices(deps.database.db, subscriber.id, choices);
  }
  return findSubscriberByToken(deps.database.db, subscriber.token);
}

/** Subscribers by status, for the newsroom's reach page. */
export function subscriberCounts(
  deps: Pick<SubscriberDeps, 'database'>,
): Promise<Record<SubscriberStatus, number>> {
  return countSubscribersByStatus(deps.database.db);
}

/** How long an unconfirmed address is kept after its link expired, ms (7 days). */
export const UNCONFIRMED_KEPT_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Forgets the addresses never confirmed whose link expired more than
 * UNCONFIRMED_KEPT_MS ago (a former subscriber who asked again keeps its
 * row: it was confirmed once). @returns how many were deleted.
 */
export function forgetUnconfirmed(deps: Omit<SubscriberDeps, 'mailLimit'>): Promise<number> {
  return deleteUnconfirmedSubscribers(
    deps.database.db,
    new Date(deps.now().getTime() - UNCONFIRMED_KEPT_MS),
  );
}
