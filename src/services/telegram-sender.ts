/**
 * The Telegram channel's sender (issue 20): an OutboxSender
 * (services/outbox-worker.ts) of channel `telegram`. Each claimed message
 * is one article's post to the connected channel:
 *
 * - with a featured image, `sendPhoto` with the absolute URL of its
 *   mid-size variant (the largest WebP at most 960 px wide, the article
 *   page's own `src`) and a caption of at most 1,024 characters; when
 *   Telegram refuses the photo (400: it could not fetch or read the URL),
 *   the post goes as text instead;
 * - else `sendMessage`, at most 4,096 characters;
 * - `parse_mode: 'HTML'`: the headline in `<b>`, the standfirst, and the
 *   absolute short link `/a/<id>` in `<a>` (telegram-bot-api.ts).
 *
 * Outcomes: sent; 429 → retried after Telegram's `retry_after` (the rest
 * of the batch waits as long, unsent); 5xx and network failures → retried
 * after the back-off; 400, 401, 403, 404 → failed, with Telegram's
 * description kept for the log (`outbox_messages.last_error`); an article
 * no longer published, or a channel disconnected → failed. The token is
 * never in an outcome.
 */
import type { ArticleId } from '../domain/article-id.js';
import { defaultVariantWidth, mediaFileUrl, variantFile } from '../domain/media.js';
import type { OutboxMessage, SendOutcome } from '../domain/outbox.js';
import { publicOrigin } from '../config/public-origin.js';
import type { Database } from '../storage/database.js';
import { findTelegramArticle } from '../storage/repositories/telegram.repository.js';
import type { OutboxSender } from './outbox-worker.js';
import {
  callBotApi,
  CAPTION_MAX,
  MESSAGE_MAX,
  telegramPostHtml,
  type BotApiAnswer,
} from './telegram-bot-api.js';
import { readTelegramSettings } from './telegram-settings.js';

/** Posts a minute at most (Telegram allows a bot about 20 messages a minute in one channel). */
export const TELEGRAM_PER_MINUTE = 20;

export interface TelegramSenderDeps {
  database: Database;
  /** MIDAD_TELEGRAM_API, and the site's origin for the links (config/public-origin.ts). */
  config: {
    readonly telegramApi: string;
    readonly baseUrl?: string | undefined;
    readonly host: string;
    readonly port: number;
  };
  /** The fetch used (tests); the global one by default. */
  fetch?: typeof fetch;
  /** Longest wait for one call, ms (default 15 s). */
  timeoutMs?: number;
}

/** The sender of the `telegram` channel. */
export function telegramSender(deps: TelegramSenderDeps): OutboxSender {
  const origin = publicOrigin(deps.config);
  return {
    channel: 'telegram',
    async send(batch: readonly OutboxMessage[]): Promise<SendOutcome[]> {
      const settings = await readTelegramSettings(deps.database.db);
      const outcomes: SendOutcome[] = [];
      let waitMs: number | null = null;
      for (const message of batch) {
        if (waitMs !== null) {
          outcomes.push({
            status: 'retry',
            error: 'waiting for Telegram (429)',
            retryAfterMs: waitMs,
          });
          continue;
        }
        if (settings.token === null || settings.chat === null) {
          outcomes.push({ status: 'failed', error: 'the Telegram channel is not connected' });
          continue;
        }
        const outcome = await post(
          deps,
          origin,
          settings.token,
          settings.chat,
          message.subjectId as ArticleId,
        );
        if (outcome.status === 'retry' && outcome.retryAfterMs !== undefined)
          waitMs = outcome.retryAfterMs;
        outcomes.push(outcome);
      }
      return outcomes;
    },
  };
}

/** Posts one article. Never throws for Telegram's or the network's failures. */
async function post(
  deps: TelegramSenderDeps,
  origin: string,
  token: string,
  chat: string,
  id: ArticleId,
): Promise<SendOutcome> {
  const article = await findTelegramArticle(deps.database.db, id);
  if (!article || article.status !== 'published') {
    return { status: 'failed', error: 'the article is no longer published' };
  }
  const content = {
    headline: article.headline,
    standfirst: article.excerpt,
    url: `${origin}/a/${article.id}`,
  };
  const call = (method: string, params: Record<string, unknown>) =>
    callBotApi<unknown>(deps.config.telegramApi, token, method, params, {
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
      ...(deps.timeoutMs ? { timeoutMs: deps.timeoutMs } : {}),
    });
  const sendText = () =>
    call('sendMessage', {
      chat_id: chat,
      text: telegramPostHtml(content, MESSAGE_MAX),
      parse_mode: 'HTML',
    });
  if (article.image === null) return outcomeOf(await sendText());
  const photo = `${origin}${mediaFileUrl(article.image.id, variantFile(defaultVariantWidth(article.image.widths)))}`;
  const answer = await call('sendPhoto', {
    chat_id: chat,
    photo,
    caption: telegramPostHtml(content, CAPTION_MAX),
    parse_mode: 'HTML',
  });
  if (
    answer.kind === 'refused' &&
    answer.status === 400 &&
    /photo|file|url|image|type/i.test(answer.description)
  ) {
    const text = outcomeOf(await sendText());
    return text.status === 'failed'
      ? { status: 'failed', error: `sendPhoto: ${answer.description}; sendMessage: ${text.error}` }
      : text;
  }
  return outcomeOf(answer);
}

/** The outcome of a Bot API answer. */
function outcomeOf(answer: BotApiAnswer<unknown>): SendOutcome {
  if (answer.kind === 'ok') return { status: 'sent' };
  if (answer.kind === 'network') return { status: 'retry', error: answer.error };
  const error = `${answer.status} ${answer.description}`;
  if (answer.status === 429) {
    return {
      status: 'retry',
      error,
      ...(answer.retryAfterS !== null ? { retryAfterMs: answer.retryAfterS * 1000 } : {}),
    };
  }
  if (answer.status >= 500) return { status: 'retry', error };
  return { status: 'failed', error };
}
