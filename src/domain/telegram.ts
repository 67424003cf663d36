/**
 * The site's Telegram channel (issue 20), as the newsroom sees it: the
 * connection (its token masked), what the check («تحقق») found, and the
 * posts, which are the `telegram` messages of the outbox (domain/outbox.ts).
 */
import type { ArticleId } from './article-id.js';
import type { OutboxStatus } from './outbox.js';

/** The connection as the administrator's page shows it: the token masked. */
export interface TelegramSettingsView {
  /** `123456789:…Dsaw`, or null when no token is saved. */
  maskedToken: string | null;
  chat: string | null;
  chatTitle: string | null;
  autoBreaking: boolean;
  sectionIds: string[];
  connected: boolean;
}

/**
 * What is wrong with the connection. The check found `ok`: the bot (its name and @username) may post
 * in the channel (its title). Else `problem`:
 * - `not-set`: no token or no channel saved;
 * - `network`: the Bot API did not answer (`detail`: why);
 * - `token`: Telegram refused the token (getMe: 401 Unauthorized);
 * - `chat-not-found`: getChat found no such chat, or the bot cannot see it;
 * - `chat-private`: the chat is a person's, not a channel or a group;
 * - `bot-not-member`: the bot is not in the channel;
 * - `not-admin`: the bot is in the channel but not an administrator;
 * - `cannot-post`: an administrator without the right to post messages;
 * - `api`: another refusal (`detail`: Telegram's description).
 */
export type TelegramProblem =
  | 'not-set'
  | 'network'
  | 'token'
  | 'chat-not-found'
  | 'chat-private'
  | 'bot-not-member'
  | 'not-admin'
  | 'cannot-post'
  | 'api';

/** What the check found (see TelegramProblem for what each `problem` means). */
export type TelegramCheck =
  | { ok: true; botName: string; botUsername: string; chatTitle: string }
  | {
      ok: false;
      problem: TelegramProblem;
      /** Telegram's description or the network's reason ('' for none). */
      detail: string;
      /** The bot's @username, once getMe answered. */
      botUsername?: string;
      /** The channel as saved. */
      chat?: string;
    };

/** One post to the channel: an article's telegram message of the outbox. */
export interface TelegramPost {
  articleId: ArticleId;
  /** The article's headline now. */
  headline: string;
  status: OutboxStatus;
  /** Attempts made so far. */
  attempts: number;
  /** Telegram's description of the last failure (or the network's), kept for the log. */
  lastError: string | null;
  createdAt: Date;
  /** When it was sent or given up; null while pending. */
  finishedAt: Date | null;
  /** When a pending post is tried next. */
  nextAttemptAt: Date;
  /** Why it was queued; null for a post queued before reasons were kept. */
  reason: TelegramPostReason | null;
}

/**
 * Why an article was posted: `manual` (an editor's «نشر في تيليغرام»),
 * `section` (published in a section the administrator chose), `breaking`
 * (marked breaking news, posted automatically).
 */
export type TelegramPostReason = 'manual' | 'section' | 'breaking';

/**
 * The one mapping of a Bot API refusal to what is wrong, used by the
 * check («تحقق») for getMe, getChat and getChatMember, and by the log and
 * the editor's panel for a post's stored reason. `status`: Telegram's
 * `error_code`; `description`: its English `description`
 * (https://core.telegram.org/bots/api#making-requests).
 * @example telegramProblemOf(403, 'Forbidden: bot is not a member of the channel chat') === 'bot-not-member'
 */
export function telegramProblemOf(status: number, description: string): TelegramProblem {
  if (status === 401 || status === 404) return 'token';
  if (/not a member|kicked|user not found|member not found|inaccessible/i.test(description))
    return 'bot-not-member';
  if (/chat not found/i.test(description)) return 'chat-not-found';
  if (/not enough rights|have no rights/i.test(description)) return 'cannot-post';
  if (/administrator rights|admin_required/i.test(description)) return 'not-admin';
  return 'api';
}

/**
 * What is wrong, read from a post's stored reason (`outbox_messages.last_error`
 * as the telegram sender writes it: `403 Forbidden: …`, `network: …`,
 * `timed out`, `sendPhoto: …; sendMessage: 400 …`, or `the Telegram
 * channel is not connected`); `unpublished` for `the article is no longer
 * published`. @returns null when it is none of these.
 * @example telegramProblemOfError('401 Unauthorized') === 'token'
 */
export function telegramProblemOfError(lastError: string): TelegramProblem | 'unpublished' | null {
  const error = lastError.includes('sendMessage: ')
    ? lastError.slice(lastError.lastIndexOf('sendMessage: ') + 'sendMessage: '.length)
    : lastError;
  if (/^(network:|timed out|HTTP \d{3}: the answer)/.test(error)) return 'network';
  if (error === 'the Telegram channel is not connected') return 'not-set';
  if (error === 'the article is no longer published') return 'unpublished';
  const refused = /^(\d{3}) (.*)$/s.exec(error);
  return refused ? telegramProblemOf(Number(refused[1]), refused[2]!) : null;
}
