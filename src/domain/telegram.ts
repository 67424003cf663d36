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
 * What the check found. `ok`: the bot (its name and @username) may post
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
export type TelegramCheck =
  | { ok: true; botName: string; botUsername: string; chatTitle: string }
  | {
      ok: false;
      problem:
        | 'not-set'
        | 'network'
        | 'token'
        | 'chat-not-found'
        | 'chat-private'
        | 'bot-not-member'
        | 'not-admin'
        | 'cannot-post'
        | 'api';
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
}
