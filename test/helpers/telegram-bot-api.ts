/**
 * A local fake of the Telegram Bot API (https://core.telegram.org/bots/api)
 * on 127.0.0.1, for MIDAD_TELEGRAM_API in tests. It answers `getMe`,
 * `getChat`, `getChatMember`, `sendMessage` and `sendPhoto` at
 * `/bot<token>/<method>` (JSON bodies) as Telegram does, and records every
 * call. Messages are parsed as Telegram parses `parse_mode: 'HTML'`: the
 * tags it supports become entities (offsets and lengths in UTF-16 code
 * units), `&lt;` `&gt;` `&amp;` `&quot;` are decoded, and a bare `<` or `&`,
 * an unknown or unclosed tag is refused with 400 "can't parse entities",
 * as is a caption over 1,024 or a text over 4,096 characters.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeChat {
  id: number;
  type: 'channel' | 'supergroup' | 'group' | 'private';
  title?: string;
  username?: string;
  /** The bot's membership: its status and, for an administrator, whether it may post. */
  bot: { status: string; can_post_messages?: boolean };
}

export interface MessageEntity {
  type: string;
  offset: number;
  length: number;
  url?: string;
}

export interface RecordedCall {
  method: string;
  token: string;
  body: Record<string, unknown>;
  /** sendMessage/sendPhoto: the text or caption as Telegram parsed it. */
  parsed?: { text: string; entities: MessageEntity[] };
}

/** A forced answer: an error (`retry_after` for 429), or `hang` (no answer at all). */
export type ForcedAnswer =
  { status: number; description: string; retry_after?: number } | { hang: true };

export interface FakeBotApi {
  /** The API's base URL: MIDAD_TELEGRAM_API. */
  url: string;
  /** The token the fake accepts. */
  token: string;
  bot: { id: number; first_name: string; username: string };
  /** Chats by `@username` and by numeric id. */
  chats: Map<string, FakeChat>;
  calls: RecordedCall[];
  /** Answers for the next calls of a method, in order (then the normal answer). */
  force(method: string, ...answers: ForcedAnswer[]): void;
  /** The sendMessage and sendPhoto calls that were accepted. */
  posts(): RecordedCall[];
  close(): Promise<void>;
}

export const FAKE_TOKEN = '7012345678:AAFakeTokenForTests_abcdefghijklmnopq';

const TAGS: Record<string, string> = {
  b: 'bold',
  strong: 'bold',
  i: 'italic',
  em: 'italic',
  u: 'underline',
  ins: 'underline',
  s: 'strikethrough',
  strike: 'strikethrough',
  del: 'strikethrough',
  code: 'code',
  pre: 'pre',
  a: 'text_link',
};

/** Parses Telegram's HTML style, or returns the error Telegram gives. */
export function parseTelegramHtml(
  html: string,
): { text: string; entities: MessageEntity[] } | { error: string } {
  let text = '';
  const entities: MessageEntity[] = [];
  const open: Array<{ tag: string; offset: number; url?: string }> = [];
  let i = 0;
  while (i < html.length) {
    const ch = html[i]!;
    if (ch === '<') {
      const m = /^<(\/?)([a-z]+)((?:\s+[a-z]+="[^"]*")*)\s*>/i.exec(html.slice(i));
      if (!m)
        return {
          error: `Bad Request: can't parse entities: Unsupported start tag at byte offset ${i}`,
        };
      const [whole, closing, rawName, attrs] = m;
      const name = rawName!.toLowerCase();
      if (!TAGS[name])
        return {
          error: `Bad Request: can't parse entities: Unsupported start tag "${name}" at byte offset ${i}`,
        };
      if (closing) {
        const top = open.pop();
        if (!top || top.tag !== name)
          return {
            error: `Bad Request: can't parse entities: Unmatched end tag at byte offset ${i}, expected "</${top?.tag ?? ''}>", found "</${name}>"`,
          };
        const length = text.length - top.offset;
        if (length > 0)
          entities.push({
            type: TAGS[name]!,
            offset: top.offset,
            length,
            ...(top.url !== undefined ? { url: top.url } : {}),
          });
      } else {
        let url: string | undefined;
        if (name === 'a') {
          const href = /href="([^"]*)"/.exec(attrs ?? '');
          url = href ? (decode(href[1]!) ?? '') : '';
        }
        open.push({ tag: name, offset: text.length, ...(url !== undefined ? { url } : {}) });
      }
      i += whole!.length;
    } else if (ch === '&') {
      const m = /^&(lt|gt|amp|quot|#[0-9]+|#x[0-9a-f]+);/i.exec(html.slice(i));
      if (!m)
        return {
          error: `Bad Request: can't parse entities: Character entity expected at byte offset ${i}`,
        };
      text += decode(m[0])!;
      i += m[0].length;
    } else if (ch === '>') {
      return { error: `Bad Request: can't parse entities: Unexpected end tag at byte offset ${i}` };
    } else {
      text += ch;
      i += 1;
    }
  }
  if (open.length > 0)
    return {
      error: `Bad Request: can't parse entities: Can't find end tag corresponding to start tag "${open.at(-1)!.tag}"`,
    };
  entities.sort((a, b) => a.offset - b.offset);
  return { text, entities };
}

function decode(s: string): string | undefined {
  return s.replace(/&(lt|gt|amp|quot|#[0-9]+|#x[0-9a-f]+);/gi, (_, e: string) => {
    const lower = e.toLowerCase();
    if (lower === 'lt') return '<';
    if (lower === 'gt') return '>';
    if (lower === 'amp') return '&';
    if (lower === 'quot') return '"';
    return String.fromCodePoint(
      lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : Number(lower.slice(1)),
    );
  });
}

/** Starts the fake. `chats` default: a public channel @midad_news where the bot may post. */
export async function startFakeBotApi(
  options: { chats?: Array<[string, FakeChat]> } = {},
): Promise<FakeBotApi> {
  const channel: FakeChat = {
    id: -1001234567890,
    type: 'channel',
    title: 'مداد — الأخبار العاجلة',
    username: 'midad_news',
    bot: { status: 'administrator', can_post_messages: true },
  };
  const forced = new Map<string, ForcedAnswer[]>();
  let nextMessageId = 1;
  const fake: FakeBotApi = {
    url: '',
    token: FAKE_TOKEN,
    bot: { id: 7012345678, first_name: 'بوت مداد', username: 'midad_bot' },
    chats: new Map(
      options.chats ?? [
        ['@midad_news', channel],
        [String(channel.id), channel],
      ],
    ),
    calls: [],
    force(method, ...answers) {
      forced.set(method, [...(forced.get(method) ?? []), ...answers]);
    },
    posts() {
      return fake.calls.filter(
        (c) =>
          (c.method === 'sendMessage' || c.method === 'sendPhoto') &&
          c.parsed !== undefined &&
          (c as { accepted?: boolean }).accepted === true,
      );
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };

  const answer = (status: number, body: unknown, res: ServerResponse) => {
    res.statusCode = status;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(body));
  };
  const refuse = (res: ServerResponse, status: number, description: string, retryAfter?: number) =>
    answer(
      status,
      {
        ok: false,
        error_code: status,
        description,
        ...(retryAfter !== undefined ? { parameters: { retry_after: retryAfter } } : {}),
      },
      res,
    );

  const server: Server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(req.url ?? '');
      if (!m || req.method !== 'POST') return refuse(res, 404, 'Not Found');
      const [, token, method] = m as unknown as [string, string, string];
      let body: Record<string, unknown>;
      try {
        body = raw === '' ? {} : (JSON.parse(raw) as Record<string, unknown>);
      } catch {
        return refuse(res, 400, 'Bad Request: invalid JSON');
      }
      const call: RecordedCall & { accepted?: boolean } = { method, token, body };
      fake.calls.push(call);
      const queue = forced.get(method);
      const next = queue?.shift();
      if (next) {
        if ('hang' in next) return;
        return refuse(res, next.status, next.description, next.retry_after);
      }
      if (token !== fake.token) return refuse(res, 401, 'Unauthorized');
      const chat = body.chat_id === undefined ? undefined : fake.chats.get(String(body.chat_id));
      switch (method) {
        case 'getMe':
          return answer(200, { ok: true, result: { ...fake.bot, is_bot: true } }, res);
        case 'getChat':
          if (!chat) return refuse(res, 400, 'Bad Request: chat not found');
          return answer(
            200,
            {
              ok: true,
              result: { id: chat.id, type: chat.type, title: chat.title, username: chat.username },
            },
            res,
          );
        case 'getChatMember':
          if (!chat) return refuse(res, 400, 'Bad Request: chat not found');
          if (body.user_id !== fake.bot.id) return refuse(res, 400, 'Bad Request: user not found');
          return answer(
            200,
            { ok: true, result: { user: { ...fake.bot, is_bot: true }, ...chat.bot } },
            res,
          );
        case 'sendMessage':
        case 'sendPhoto': {
          if (!chat) return refuse(res, 400, 'Bad Request: chat not found');
          if (chat.bot.status !== 'administrator' && chat.bot.status !== 'creator')
            return refuse(res, 403, 'Forbidden: bot is not a member of the channel chat');
          if (chat.bot.status === 'administrator' && chat.bot.can_post_messages === false)
            return refuse(res, 400, 'Bad Request: need administrator rights in the channel chat');
          const field = method === 'sendPhoto' ? 'caption' : 'text';
          const html = String(body[field] ?? '');
          const parsed =
            body.parse_mode === 'HTML' ? parseTelegramHtml(html) : { text: html, entities: [] };
          if ('error' in parsed) return refuse(res, 400, parsed.error);
          call.parsed = parsed;
          if (method === 'sendPhoto' && parsed.text.length > 1024)
            return refuse(res, 400, 'Bad Request: message caption is too long');
          if (method === 'sendMessage' && parsed.text.length > 4096)
            return refuse(res, 400, 'Bad Request: message is too long');
          if (method === 'sendPhoto' && !/^https?:\/\//.test(String(body.photo ?? '')))
            return refuse(res, 400, 'Bad Request: wrong remote file identifier specified');
          call.accepted = true;
          return answer(
            200,
            {
              ok: true,
              result: {
                message_id: nextMessageId++,
                chat: { id: chat.id, type: chat.type, title: chat.title },
                date: 1764849600,
                [field]: parsed.text,
                [method === 'sendPhoto' ? 'caption_entities' : 'entities']: parsed.entities,
              },
            },
            res,
          );
        }
        default:
          return refuse(res, 404, 'Not Found: method not found');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}
