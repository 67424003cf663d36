/**
 * Web push alerts (issue 20): what an article's notification says, to
 * whom it goes, and the newsroom's side of it.
 *
 * - `queuePushAlert` (called by services/reach.ts inside the transaction
 *   that publishes an article or marks it breaking, and by an editor's
 *   «إرسال تنبيه»): one `push_alerts` row per article, its words fixed
 *   when first queued, and one outbox message per subscription
 *   (`queueOutboxFanOut`): `breaking`/`manual` to every subscription that
 *   wants breaking news plus the followers of the article's section;
 *   `published` to the section's followers only. The outbox's uniqueness
 *   makes it one notification per article and subscription, ever, however
 *   often an article is published, flagged or alerted.
 * - The daily cap (setting `push.dailyCap`, default 5, administrators):
 *   at most that many `breaking` and `manual` alerts in any 24 hours
 *   (counted from `push_alerts.created_at`), counting only alerts queued
 *   to at least one subscription. An editor's alert over the
 *   cap is refused with PUSH_DAILY_CAP; a breaking flag over the cap still
 *   marks the article, and its alert reaches the section's followers only.
 * - The payload (`pushPayload`, JSON ≤ 3,000 bytes, RFC 8291 allows
 *   4,096 octets of ciphertext): `{title, body, url, icon, image, tag,
 *   lang, dir, timestamp}` as public/sw.js shows it.
 */
import { canonicalArticlePath } from '../domain/article-path.js';
import type { ArticleId } from '../domain/article-id.js';
import { DEFAULT_VARIANT_WIDTH, mediaFileUrl, variantFile } from '../domain/media.js';
import { can, type Actor } from '../domain/roles.js';
import { AppError } from '../lib/errors.js';
import type { Database } from '../storage/database.js';
import type { Db } from '../storage/db.js';
import { outboxCounts, queueOutboxFanOut } from '../storage/repositories/outbox.repository.js';
import {
  countCappedPushAlertsSince,
  findPushAlertByArticle,
  findPushAlertSource,
  insertPushAlert,
  listRecentPushAlerts,
  setPushAlertReason,
  type PushAlert,
  type PushAlertReason,
  type PushAlertSource,
} from '../storage/repositories/push-alerts.repository.js';
import { countPushSubscriptions } from '../storage/repositories/push-subscriptions.repository.js';
import { getSetting, setSetting } from '../storage/repositories/settings.repository.js';
import type { PushAlertPanelData, ReachOverview } from '../domain/push-alert.js';

export type {
  PushAlert,
  PushAlertPanelData,
  PushAlertReason,
  ReachOverview,
} from '../domain/push-alert.js';

/** The settings key of the daily cap, and its default. */
export const PUSH_DAILY_CAP_SETTING = 'push.dailyCap';
export const PUSH_DAILY_CAP_DEFAULT = 5;
/** The highest cap an administrator may set. */
export const PUSH_DAILY_CAP_MAX = 100;
/** The window the cap counts alerts over, ms (24 h). */
export const PUSH_CAP_WINDOW_MS = 24 * 60 * 60 * 1000;
/** The longest notification body, characters (the article's standfirst, shortened). */
export const PUSH_BODY_MAX = 200;
/** The longest payload, UTF-8 bytes. */
export const PUSH_PAYLOAD_MAX_BYTES = 3000;

/** The JSON a push message carries (public/sw.js shows it). */
export interface PushPayload {
  title: string;
  body: string;
  /** The article's absolute URL (no tracking parameters). */
  url: string;
  /** The site icon's absolute URL. */
  icon: string;
  image: string | null;
  /** `a<id>`: a later notification of the same article replaces this one. */
  tag: string;
  lang: 'ar';
  dir: 'rtl';
  /** When the alert was queued, ms since the epoch. */
  timestamp: number;
}

/** `text` cut to at most `max` characters, at a space when there is one, with «…». */
function shorten(text: string, max: number): string {
  const chars = [...text.trim()];
  if (chars.length <= max) return chars.join('');
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * The payload of `alert` for a site at `origin` (`https://news.example`):
 * the body is shortened until the JSON fits PUSH_PAYLOAD_MAX_BYTES.
 */
export function pushPayload(
  alert: Pick<PushAlert, 'articleId' | 'title' | 'body' | 'path' | 'image' | 'createdAt'>,
  origin: string,
): PushPayload {
  const payload: PushPayload = {
    title: shorten(alert.title, 300),
    body: shorten(alert.body, PUSH_BODY_MAX),
    url: `${origin}${alert.path}`,
    icon: `${origin}/assets/icon-192.png`,
    image: alert.image === null ? null : `${origin}${alert.image}`,
    tag: `a${alert.articleId}`,
    lang: 'ar',
    dir: 'rtl',
    timestamp: alert.createdAt.getTime(),
  };
  while (
    Buffer.byteLength(JSON.stringify(payload)) > PUSH_PAYLOAD_MAX_BYTES &&
    payload.body !== ''
  ) {
    payload.body = shorten(payload.body, Math.floor([...payload.body].length / 2));
  }
  return payload;
}

/** The featured image's path for a notification: its default variant (960 px or less). */
function imagePath(image: PushAlertSource['image']): string | null {
  if (image === null) return null;
  let widths: number[];
  try {
    widths = (JSON.parse(image.widths) as unknown[]).filter(
      (w): w is number => typeof w === 'number' && w > 0,
    );
  } catch {
    return null;
  }
  if (widths.length === 0) return null;
  const fitting = widths.filter((w) => w <= DEFAULT_VARIANT_WIDTH);
  const width = fitting.length > 0 ? Math.max(...fitting) : Math.min(...widths);
  return mediaFileUrl(image.id, variantFile(width));
}

/** The daily cap now set (PUSH_DAILY_CAP_DEFAULT when unset or unreadable). */
export async function pushDailyCap(db: Db): Promise<number> {
  const value = await getSetting(db, PUSH_DAILY_CAP_SETTING);
  const n = value === null ? NaN : Number(value);
  return Number.isInteger(n) && n >= 0 ? n : PUSH_DAILY_CAP_DEFAULT;
}

/**
 * Queues the article's push notification, in `db` (the caller's
 * transaction): for `breaking` (and `manual`), to every subscription that
 * wants breaking news and those following its section; for `published`,
 * to the subscriptions following its section only. One notification per
 * article and subscription, ever. A `breaking` alert past the daily cap
 * goes to the section's followers only.
 * @returns the number of subscriptions queued.
 * @throws AppError PUSH_DAILY_CAP for a `manual` alert past the daily cap.
 */
export async function queuePushAlert(
  db: Db,
  id: ArticleId,
  options: { reason: 'published' | 'breaking' | 'manual'; now: Date; createdBy: string | null },
): Promise<number> {
  const { now, createdBy } = options;
  const source = await findPushAlertSource(db, id);
  if (!source || source.kind !== 'article') return 0;
  const alert = await findPushAlertByArticle(db, source.id);
  let reason: PushAlertReason = options.reason;
  if (
    reason !== 'published' &&
    (alert === null || alert.reason === 'published' || !(await reachedAnyone(db, alert)))
  ) {
    const cap = await pushDailyCap(db);
    const used = await countCappedPushAlertsSince(db, new Date(now.getTime() - PUSH_CAP_WINDOW_MS));
    if (used >= cap) {
      if (reason === 'manual') {
        throw new AppError('PUSH_DAILY_CAP', `The daily cap of ${cap} alerts is reached.`, {
          details: { cap },
        });
      }
      reason = 'published';
    }
  }
  if (reason === 'published' && source.sectionId === null) return 0;
  if (alert === null) {
    await insertPushAlert(
      db,
      {
        articleId: id,
        reason,
        title: source.headline,
        body: source.excerpt,
        path: canonicalArticlePath(source.id, source.slug),
        image: imagePath(source.image),
        createdBy,
      },
      now,
    );
  } else if (alert.reason === 'published' && reason !== 'published') {
    await setPushAlertReason(db, source.id, reason);
  }
  const subject = { channel: 'push', subjectKind: 'article', subjectId: source.id } as const;
  let queued = 0;
  if (source.sectionId !== null) {
    queued += await queueOutboxFanOut(
      db,
      subject,
      db
        .selectFrom('push_subscription_sections')
        .select('subscription_id as recipient_id')
        .where('section_id', '=', BigInt(source.sectionId)),
      now,
    );
  }
  if (reason !== 'published') {
    queued += await queueOutboxFanOut(
      db,
      subject,
      db.selectFrom('push_subscriptions').select('id as recipient_id').where('breaking', '=', 1),
      now,
    );
  }
  return queued;
}

/**
 * Whether `alert` was queued to at least one subscription (an outbox
 * message, or counts kept after the outbox's rows were pruned).
 */
async function reachedAnyone(db: Db, alert: PushAlert): Promise<boolean> {
  if (alert.sent + alert.failed + alert.gone > 0) return true;
  const counts = await outboxCounts(db, {
    channel: 'push',
    subjectKind: 'article',
    subjectId: alert.articleId,
  });
  return counts.pending + counts.sent + counts.failed + counts.gone > 0;
}

/** What sending an alert by hand needs. */
export interface PushAlertDeps {
  database: Database;
  now: () => Date;
}

/**
 * An editor's «إرسال تنبيه» for the published article `id`: queues its
 * alert as `manual` (to breaking-news subscriptions and the section's
 * followers); again when its earlier alert reached no one (no
 * subscribers then). @returns the number of subscriptions queued.
 * @throws AppError FORBIDDEN (no `reader.alert`), NOT_FOUND,
 *   PUSH_ALERT_NOT_PUBLISHED, PUSH_ALERT_ALREADY_SENT (it went out as
 *   breaking or by hand already), PUSH_DAILY_CAP.
 */
export async function sendPushAlertNow(
  deps: PushAlertDeps,
  actor: Actor,
  id: ArticleId,
): Promise<number> {
  if (!can(actor, 'reader.alert'))
    throw new AppError('FORBIDDEN', 'Only editors and administrators send alerts.');
  return deps.database.db.transaction().execute(async (trx) => {
    const source = await findPushAlertSource(trx, id);
    if (!source || source.kind !== 'article' || source.status !== 'published')
      throw new AppError('PUSH_ALERT_NOT_PUBLISHED', 'Only a published article can be alerted.');
    const alert = await findPushAlertByArticle(trx, source.id);
    if (alert !== null && alert.reason !== 'published' && (await reachedAnyone(trx, alert)))
      throw new AppError('PUSH_ALERT_ALREADY_SENT', 'This article was alerted already.');
    return queuePushAlert(trx, id, { reason: 'manual', now: deps.now(), createdBy: actor.id });
  });
}

/** The push panel of article `id`'s editor page. */
export async function pushAlertPanel(
  deps: PushAlertDeps,
  id: ArticleId | string,
): Promise<PushAlertPanelData> {
  const db = deps.database.db;
  const [alert, pending, cap, used] = await Promise.all([
    findPushAlertByArticle(db, id),
    outboxCounts(db, { channel: 'push', subjectKind: 'article', subjectId: String(id) }),
    pushDailyCap(db),
    countCappedPushAlertsSince(db, new Date(deps.now().getTime() - PUSH_CAP_WINDOW_MS)),
  ]);
  // The alert's own counts outlive the outbox's rows (pruned after a week); pending is the outbox's.
  const counts = alert
    ? { pending: pending.pending, sent: alert.sent, failed: alert.failed, gone: alert.gone }
    : pending;
  return { alert, counts, cap, used };
}

/** The counts per channel, the cap and the latest alerts (/admin/reach). */
export async function reachOverview(deps: PushAlertDeps): Promise<ReachOverview> {
  const db = deps.database.db;
  const [push, pending, active, chat, cap, used, recent] = await Promise.all([
    countPushSubscriptions(db),
    db
      .selectFrom('outbox_messages')
      .select((eb) => eb.fn.countAll<number | bigint | string>().as('n'))
      .where('channel', '=', 'push')
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('newsletter_subscribers')
      .select((eb) => eb.fn.countAll<number | bigint | string>().as('n'))
      .where('status', '=', 'active')
      .executeTakeFirstOrThrow(),
    getSetting(db, 'telegram.chatTitle').then(
      async (title) => title ?? (await getSetting(db, 'telegram.chat')),
    ),
    pushDailyCap(db),
    countCappedPushAlertsSince(db, new Date(deps.now().getTime() - PUSH_CAP_WINDOW_MS)),
    listRecentPushAlerts(db, 10),
  ]);
  return {
    push: { ...push, pending: Number(pending.n) },
    newsletter: { active: Number(active.n) },
    telegram: { chat },
    cap,
    used,
    recent,
  };
}

/**
 * Sets the daily cap from the form's text (an integer 0–100; 0 stops
 * breaking and manual alerts). @throws AppError FORBIDDEN, PUSH_CAP_INVALID
 */
export async function setPushDailyCap(
  deps: PushAlertDeps,
  actor: Actor,
  raw: string,
): Promise<number> {
  if (!can(actor, 'settings.manage'))
    throw new AppError('FORBIDDEN', 'Only administrators change the cap.');
  const text = raw.trim();
  const n = /^[0-9]{1,3}$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(n) || n > PUSH_DAILY_CAP_MAX)
    throw new AppError('PUSH_CAP_INVALID', 'The cap must be a whole number from 0 to 100.');
  await setSetting(deps.database.db, PUSH_DAILY_CAP_SETTING, String(n));
  return n;
}

/**
 * The reader channels set up on this site, for the start warning
 * (config/warnings.ts reachWarnings): push once anyone subscribed, email
 * with an SMTP server, Telegram with a bot token.
 */
export async function reachChannelsSetUp(
  database: Database,
  config: { smtpUrl?: string | undefined },
): Promise<Array<'push' | 'email' | 'telegram'>> {
  const [push, token] = await Promise.all([
    countPushSubscriptions(database.db),
    getSetting(database.db, 'telegram.token'),
  ]);
  return [
    ...(push.total > 0 ? (['push'] as const) : []),
    ...(config.smtpUrl ? (['email'] as const) : []),
    ...(token ? (['telegram'] as const) : []),
  ];
}
