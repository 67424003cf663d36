/**
 * The one mapping of Telegram's refusals (issue 20): what the check says,
 * and what the log and the editor's panel explain in Arabic.
 */
import { describe, expect, it } from 'vitest';
import { telegramProblemOf, telegramProblemOfError } from './telegram.js';

describe('telegramProblemOf', () => {
  it('maps the Bot API refusals Telegram really sends', () => {
    expect(
      [
        [401, 'Unauthorized'],
        [404, 'Not Found'],
        [403, 'Forbidden: bot is not a member of the channel chat'],
        [403, 'Forbidden: bot was kicked from the channel chat'],
        [400, 'Bad Request: user not found'],
        [400, 'Bad Request: chat not found'],
        [400, 'Bad Request: need administrator rights in the channel chat'],
        [400, 'Bad Request: not enough rights to send text messages to the chat'],
        [429, 'Too Many Requests: retry after 7'],
      ].map(([status, description]) => telegramProblemOf(Number(status), String(description))),
    ).toEqual([
      'token',
      'token',
      'bot-not-member',
      'bot-not-member',
      'bot-not-member',
      'chat-not-found',
      'not-admin',
      'cannot-post',
      'api',
    ]);
  });
});

describe('telegramProblemOfError', () => {
  it('reads the reason the telegram sender stored', () => {
    expect(
      [
        '403 Forbidden: bot is not a member of the channel chat',
        '401 Unauthorized',
        'sendPhoto: Bad Request: wrong file; sendMessage: 400 Bad Request: chat not found',
        'network: ECONNREFUSED',
        'timed out',
        'the Telegram channel is not connected',
        'the article is no longer published',
        'waiting for Telegram (429)',
      ].map(telegramProblemOfError),
    ).toEqual([
      'bot-not-member',
      'token',
      'chat-not-found',
      'network',
      'network',
      'not-set',
      'unpublished',
      null,
    ]);
  });
});
