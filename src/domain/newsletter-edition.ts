/**
 * A newsletter edition (issue 20): one email to the subscribers, either
 * the daily digest (`digest`: made automatically at the administrator's
 * time, or by an editor) or one breaking article (`breaking`, made when
 * an article becomes breaking news, once per article).
 *
 * Status: `draft` (being put together) → `scheduled` (goes out at
 * `scheduledFor`) → `sending` (an email per subscriber is queued in the
 * outbox) → `sent` (none is pending any more).
 */
import type { ArticleId } from './article-id.js';

export type EditionKind = 'digest' | 'breaking';
export type EditionStatus = 'draft' | 'scheduled' | 'sending' | 'sent';

export interface Edition {
  /** Decimal string. */
  id: string;
  kind: EditionKind;
  subject: string;
  /** The editor's opening words, plain text (paragraphs separated by blank lines). */
  intro: string;
  /** The articles, in the order the email shows them. */
  articleIds: ArticleId[];
  /** A breaking edition's article, else null. */
  articleId: ArticleId | null;
  /** The automatic digest's site date (YYYY-MM-DD), else null. */
  digestDate: string | null;
  status: EditionStatus;
  scheduledFor: Date | null;
  createdBy: string | null;
  createdAt: Date;
  sentAt: Date | null;
  /** Emails sent and failed (kept when the edition is finished). */
  sent: number;
  failed: number;
}

/** An edition in the newsroom's list, with its counts. */
export interface EditionListItem extends Edition {
  /** Emails still queued. */
  pending: number;
  /** Subscribers who left by this edition's unsubscribe link. */
  unsubscribed: number;
}

/** Longest subject, characters (mail readers show about 60). */
export const EDITION_SUBJECT_MAX = 200;
/** Longest intro, characters. */
export const EDITION_INTRO_MAX = 2000;
/** Most articles in one edition. */
export const EDITION_ARTICLES_MAX = 20;
/** Articles of each kind a new edition starts with: the day's most read, then the latest. */
export const EDITION_MOST_READ = 5;
export const EDITION_LATEST = 5;

/** The setting of the automatic digest's time, `HH:MM` site time; unset: off. */
export const DIGEST_TIME_SETTING = 'newsletter.digestTime';

/**
 * Parses a digest time `HH:MM` (24-hour, 00:00–23:59).
 * @returns minutes after midnight, or null when it is not such a time.
 * @example parseDigestTime('07:30') === 450
 */
export function parseDigestTime(value: string): number | null {
  const match = /^([01][0-9]|2[0-3]):([0-5][0-9])$/.exec(value.trim());
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** A rendered email: subject, HTML part, text part. */
export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

/** An article as the edition editor lists it. */
export interface EditionArticle {
  id: ArticleId;
  headline: string;
  publishedAt: Date | null;
}

/** What the edition editor shows. */
export interface EditionEditor {
  edition: Edition;
  /** Its articles, in order; ones no longer published are left out. */
  articles: EditionArticle[];
  /** Headline search results for `q` (not already in the edition). */
  found: EditionArticle[];
  /** Its email, with a preview unsubscribe link. */
  mail: RenderedMail;
  /** Active subscribers who would receive it. */
  recipients: number;
  /** Whether a test email can be sent (a mail server is set up). */
  canTest: boolean;
}

/** The newsroom's newsletter page: editions, subscriber counts, the digest time. */
export interface EditionsOverview {
  editions: EditionListItem[];
  subscribers: { digest: number; breaking: number };
  /** `HH:MM` or null (off). */
  digestTime: string | null;
  /** Whether the actor may change the digest time (administrators). */
  canSetDigestTime: boolean;
}
