/**
 * Web push alerts (issue 20) as the newsroom sees them: one alert per
 * article, what it said, why it went out, and how its sending went.
 */
import type { OutboxStatus } from './outbox.js';

/** Why an alert was sent: publication (to the section's followers), breaking news, or by hand. */
export type PushAlertReason = 'published' | 'breaking' | 'manual';

/** A push alert: what the notification says, and how its sending went. */
export interface PushAlert {
  id: string;
  articleId: string;
  reason: PushAlertReason;
  title: string;
  body: string;
  /** The article's path, `/a/<id>/<slug>`. */
  path: string;
  /** The featured image's URL path (`/media/7/w640.webp`), or null. */
  image: string | null;
  createdAt: Date;
  /** Messages the push services accepted (201). */
  sent: number;
  /** Messages given up (a lasting 4xx, or retried for a day). */
  failed: number;
  /** Subscriptions the push services said no longer exist (404/410), deleted since. */
  gone: number;
}

/** The editor page's panel: the alert (or null), its counts, and the daily cap's use. */
export interface PushAlertPanelData {
  alert: PushAlert | null;
  counts: Record<OutboxStatus, number>;
  /** Breaking and manual alerts allowed in any 24 hours. */
  cap: number;
  /** Breaking and manual alerts in the last 24 hours. */
  used: number;
}

/** What /admin/reach shows: counts per channel, the cap, the latest alerts. */
export interface ReachOverview {
  push: { total: number; breaking: number; pending: number };
  newsletter: { active: number };
  /** The Telegram channel's title (or id), null when not set up. */
  telegram: { chat: string | null };
  cap: number;
  used: number;
  recent: PushAlert[];
}
