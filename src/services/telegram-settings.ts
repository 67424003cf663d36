/**
 * The site's Telegram channel connection (issue 20), an administrator's
 * setting (`settings.manage`), kept in `settings`:
 *
 * - `telegram.token`: the bot's token from @BotFather (`123456789:AA…`);
 *   a secret: shown masked once saved (`maskToken`), never in full again;
 * - `telegram.chat`: the channel, `@name` or its numeric id (`-100…`);
 * - `telegram.chatTitle`: the channel's title, as the last successful
 *   check read it (cleared when the token or the channel changes);
 * - `telegram.autoBreaking`: `1` (the default when unset) posts breaking
 *   news automatically, `0` does not;
 * - `telegram.sections`: the ids of the sections whose articles are
 *   posted when published, comma-separated ('' or unset: none).
 *
 * The check («تحقق») asks the Bot API: `getMe` (is the token a bot's?),
 * `getChat` (does the channel exist, can the bot see it?) and
 * `getChatMember` of the bot itself (is it an administrator allowed to
 * post?), and says what is wrong when something is.
 */
import { can, type Actor } from '../domain/roles.js';
import {
  telegramProblemOf,
  type TelegramCheck,
  type TelegramSettingsView,
} from '../domain/telegram.js';
import { AppError, InvalidInput, throwInvalidInputs } from '../lib/errors.js';
import { listSectionNames } from '../storage/repositories/sections.repository.js';
import { setSetting } from '../storage/repositories/settings.repository.js';
import { readSettingsOf } from '../storage/repositories/telegram.repository.js';
import type { Db } from '../storage/db.js';
import type { Database } from '../storage/database.js';
import { callBotApi, type BotApiAnswer } from './telegram-bot-api.js';

export type { TelegramCheck, TelegramSettingsView } from '../domain/telegram.js';

/** The settings keys. */
export const TELEGRAM_SETTING = {
  token: 'telegram.token',
  chat: 'telegram.chat',
  chatTitle: 'telegram.chatTitle',
  autoBreaking: 'telegram.autoBreaking',
  sections: 'telegram.sections',
} as const;

/** The stored connection, token included (never for a page: see TelegramSettingsView). */
export interface TelegramSettings {
  token: string | null;
  chat: string | null;
  chatTitle: string | null;
  autoBreaking: boolean;
  sectionIds: string[];
}

/** Reads the stored connection (one query: it runs in every publish's transaction). */
export async function readTelegramSettings(db: Db): Promise<TelegramSettings> {
  const values = await readSettingsOf(db, Object.values(TELEGRAM_SETTING));
  const token = values.get(TELEGRAM_SETTING.token);
  const chat = values.get(TELEGRAM_SETTING.chat);
  const chatTitle = values.get(TELEGRAM_SETTING.chatTitle);
  const autoBreaking = values.get(TELEGRAM_SETTING.autoBreaking);
  const sections = values.get(TELEGRAM_SETTING.sections);
  return {
    token: token || null,
    chat: chat || null,
    chatTitle: chatTitle || null,
    autoBreaking: autoBreaking !== '0',
    sectionIds: (sections ?? '').split(',').filter((s) => /^[1-9][0-9]{0,18}$/.test(s)),
  };
}

/** True when a token and a channel are set: posts are queued. */
export function isTelegramConnected(settings: TelegramSettings): boolean {
  return settings.token !== null && settings.chat !== null;
}

/**
 * A token as the page shows it once saved: the bot's id, then `…` and the
 * last 4 characters of the secret part.
 * @example maskToken('123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw') === '123456789:…Dsaw'
 */
export function maskToken(token: string): string {
  const colon = token.indexOf(':');
  const id = colon > 0 ? token.slice(0, colon) : '';
  return `${id}:…${token.slice(-4)}`;
}

function allow(actor: Actor): void {
  if (!can(actor, 'settings.manage'))
    throw new AppError('FORBIDDEN', 'Only administrators connect the Telegram channel.');
}

/** What connecting needs: the database, the clock, and MIDAD_TELEGRAM_API. */
export interface TelegramDeps {
  database: Database;
  now: () => Date;
  config: { readonly telegramApi: string };
  /** The fetch used (tests); the global one by default. */
  fetch?: typeof fetch;
}

/** The connection for the page. @throws AppError FORBIDDEN */
export async function telegramSettingsView(
  deps: Pick<TelegramDeps, 'database'>,
  actor: Actor,
): Promise<TelegramSettingsView> {
  allow(actor);
  const settings = await readTelegramSettings(deps.database.db);
  return {
    maskedToken: settings.token === null ? null : maskToken(settings.token),
    chat: settings.chat,
    chatTitle: settings.chatTitle,
    autoBreaking: settings.autoBreaking,
    sectionIds: settings.sectionIds,
    connected: isTelegramConnected(settings),
  };
}

/** A bot token: the bot's id, a colon, and the secret (@BotFather's form). */
const TOKEN = /^[0-9]{1,20}:[A-Za-z0-9_-]{20,100}$/;
/** A public channel's @name (5 to 32 characters), or a numeric chat id (`-1001234567890`). */
const CHAT_NAME = /^@[A-Za-z][A-Za-z0-9_]{3,31}$/;
const CHAT_ID = /^-?[1-9][0-9]{0,19}$/;

/**
 * The channel as typed, in the form the Bot API takes: `@name` or a
 * numeric id; a `t.me/name` link or a bare `name` become `@name`.
 * @returns null when it is none of these.
 * @example normalizeTelegramChat('https://t.me/midad_news') === '@midad_news'
 */
export function normalizeTelegramChat(raw: string): string | null {
  let chat = raw.trim();
  const link = /^(?:https?:\/\/)?(?:t\.me|telegram\.me)\/([A-Za-z0-9_]+)\/?$/i.exec(chat);
  if (link) chat = `@${link[1]}`;
  else if (/^[A-Za-z][A-Za-z0-9_]+$/.test(chat)) chat = `@${chat}`;
  return CHAT_NAME.test(chat) || CHAT_ID.test(chat) ? chat : null;
}

/** What the settings form sends. */
export interface TelegramSettingsInput {
  /** A new token; '' keeps the saved one. */
  token: string;
  chat: string;
  autoBreaking: boolean;
  sectionIds: string[];
}

/**
 * Saves the connection. A new token or channel forgets the title of the
 * last check.
 * @throws AppError FORBIDDEN; InvalidInput TELEGRAM_TOKEN_INVALID (field
 *   `token`), TELEGRAM_CHAT_INVALID (`chat`), SECTION_NOT_FOUND (`sections`)
 */
export async function saveTelegramSettings(
  deps: Pick<TelegramDeps, 'database'>,
  actor: Actor,
  input: TelegramSettingsInput,
): Promise<void> {
  allow(actor);
  const db = deps.database.db;
  const token = input.token.trim();
  const chat = input.chat.trim() === '' ? '' : normalizeTelegramChat(input.chat);
  const problems: InvalidInput[] = [];
  if (token !== '' && !TOKEN.test(token)) {
    problems.push(
      new InvalidInput(
        'TELEGRAM_TOKEN_INVALID',
        'token',
        'A bot token looks like 123456789:AAH… (from @BotFather).',
      ),
    );
  }
  if (chat === null) {
    problems.push(
      new InvalidInput(
        'TELEGRAM_CHAT_INVALID',
        'chat',
        'Give the channel as @name or as its numeric id (-100…).',
      ),
    );
  }
  const known = new Set((await listSectionNames(db)).map((s) => s.id));
  const sectionIds = [...new Set(input.sectionIds)];
  if (sectionIds.some((id) => !known.has(id))) {
    problems.push(new InvalidInput('SECTION_NOT_FOUND', 'sections', 'No such section.'));
  }
  throwInvalidInputs(problems);
  const before = await readTelegramSettings(db);
  await db.transaction().execute(async (trx) => {
    if (token !== '') await setSetting(trx, TELEGRAM_SETTING.token, token);
    await setSetting(trx, TELEGRAM_SETTING.chat, chat || null);
    if ((token !== '' && token !== before.token) || (chat || null) !== before.chat)
      await setSetting(trx, TELEGRAM_SETTING.chatTitle, null);
    await setSetting(trx, TELEGRAM_SETTING.autoBreaking, input.autoBreaking ? '1' : '0');
    await setSetting(trx, TELEGRAM_SETTING.sections, sectionIds.join(','));
  });
}

/** Forgets the token (and the title): nothing more is posted until a new one is saved. @throws AppError FORBIDDEN */
export async function disconnectTelegram(
  deps: Pick<TelegramDeps, 'database'>,
  actor: Actor,
): Promise<void> {
  allow(actor);
  await deps.database.db.transaction().execute(async (trx) => {
    await setSetting(trx, TELEGRAM_SETTING.token, null);
    await setSetting(trx, TELEGRAM_SETTING.chatTitle, null);
  });
}

interface BotUser {
  id: number;
  first_name?: string;
  username?: string;
}
interface Chat {
  id: number;
  type: string;
  title?: string;
  username?: string;
}
interface ChatMember {
  status: string;
  can_post_messages?: boolean;
  can_send_messages?: boolean;
}

function failure(answer: Exclude<BotApiAnswer<unknown>, { kind: 'ok' }>): string {
  return answer.kind === 'network' ? answer.error : answer.description;
}

/**
 * Checks the saved connection with getMe, getChat and getChatMember; on
 * success keeps the channel's title (`telegram.chatTitle`).
 * @throws AppError FORBIDDEN
 */
export async function checkTelegramConnection(
  deps: TelegramDeps,
  actor: Actor,
): Promise<TelegramCheck> {
  allow(actor);
  const db = deps.database.db;
  const settings = await readTelegramSettings(db);
  if (settings.token === null || settings.chat === null) {
    return { ok: false, problem: 'not-set', detail: '' };
  }
  const { token, chat } = settings;
  const call = <T>(method: string, params: Record<string, unknown>) =>
    callBotApi<T>(deps.config.telegramApi, token, method, params, {
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
    });

  const me = await call<BotUser>('getMe', {});
  if (me.kind === 'network') return { ok: false, problem: 'network', detail: me.error, chat };
  if (me.kind === 'refused') {
    return {
      ok: false,
      problem: telegramProblemOf(me.status, me.description),
      detail: me.description,
      chat,
    };
  }
  const bot = me.result;
  const botUsername = bot.username ?? '';
  const found = await call<Chat>('getChat', { chat_id: chat });
  if (found.kind !== 'ok') {
    return {
      ok: false,
      problem:
        found.kind === 'network' ? 'network' : telegramProblemOf(found.status, found.description),
      detail: failure(found),
      botUsername,
      chat,
    };
  }
  const channel = found.result;
  if (channel.type === 'private') {
    return { ok: false, problem: 'chat-private', detail: '', botUsername, chat };
  }
  const member = await call<ChatMember>('getChatMember', { chat_id: chat, user_id: bot.id });
  if (member.kind !== 'ok') {
    return {
      ok: false,
      problem:
        member.kind === 'network'
          ? 'network'
          : telegramProblemOf(member.status, member.description),
      detail: failure(member),
      botUsername,
      chat,
    };
  }
  const { status } = member.result;
  const isChannel = channel.type === 'channel';
  const problem =
    status === 'left' || status === 'kicked'
      ? 'bot-not-member'
      : status === 'creator'
        ? null
        : status === 'administrator'
          ? isChannel && member.result.can_post_messages !== true
            ? 'cannot-post'
            : null
          : isChannel || member.result.can_send_messages === false
            ? 'not-admin'
            : null;
  if (problem !== null) return { ok: false, problem, detail: '', botUsername, chat };
  const chatTitle = channel.title ?? channel.username ?? chat;
  await setSetting(db, TELEGRAM_SETTING.chatTitle, chatTitle);
  return { ok: true, botName: bot.first_name ?? botUsername, botUsername, chatTitle };
}
