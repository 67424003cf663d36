import { describe, expect, it } from 'vitest';
import { parseTelegramHtml } from '../../test/helpers/telegram-bot-api.js';
import {
  CAPTION_MAX,
  escapeTelegramHtml,
  telegramPostHtml,
  withoutToken,
} from './telegram-bot-api.js';
import { maskToken, normalizeTelegramChat } from './telegram-settings.js';

describe('normalizeTelegramChat', () => {
  it('takes @name, a t.me link, a bare name or a numeric id', () => {
    expect(normalizeTelegramChat(' @midad_news ')).toBe('@midad_news');
    expect(normalizeTelegramChat('https://t.me/midad_news')).toBe('@midad_news');
    expect(normalizeTelegramChat('midad_news')).toBe('@midad_news');
    expect(normalizeTelegramChat('-1001234567890')).toBe('-1001234567890');
    expect(normalizeTelegramChat('#news')).toBeNull();
    expect(normalizeTelegramChat('@abc')).toBeNull();
  });
});

describe('telegramPostHtml', () => {
  const url = 'https://news.example/a/258871304963183';

  it('escapes &, < and > and keeps Arabic and mixed text as it is', () => {
    expect(
      telegramPostHtml({ headline: 'أرباح «س&ص» <50%>', standfirst: 'نمو 5% في Q3', url }, 1024),
    ).toBe(`<b>أرباح «س&amp;ص» &lt;50%&gt;</b>\n\nنمو 5% في Q3\n\n<a href="${url}">${url}</a>`);
    expect(escapeTelegramHtml('a"b')).toBe('a&quot;b');
  });

  it('shortens the standfirst at a word, with …, so the parsed text fits the limit', () => {
    const headline = 'عنوان الخبر العاجل';
    const standfirst = 'كلمة '.repeat(300).trim();
    const html = telegramPostHtml({ headline, standfirst, url }, CAPTION_MAX);
    const parsed = parseTelegramHtml(html);
    if ('error' in parsed) throw new Error(parsed.error);
    expect(parsed.text.length).toBeLessThanOrEqual(CAPTION_MAX);
    expect(parsed.text.length).toBeGreaterThan(CAPTION_MAX - 10);
    expect(parsed.text).toMatch(
      /^عنوان الخبر العاجل\n\nكلمة( كلمة)+…\n\nhttps:\/\/news\.example\/a\/258871304963183$/,
    );
  });

  it('drops the standfirst, then shortens the headline, when even the headline does not fit', () => {
    const html = telegramPostHtml({ headline: 'خبر '.repeat(40), standfirst: 'مقدمة', url }, 100);
    const parsed = parseTelegramHtml(html);
    if ('error' in parsed) throw new Error(parsed.error);
    expect(parsed.text.length).toBeLessThanOrEqual(100);
    expect(parsed.text.endsWith(`…\n\n${url}`)).toBe(true);
    expect(parsed.text).not.toContain('مقدمة');
  });

  it('never leaves the token in a reason', () => {
    expect(withoutToken('failed for https://x/bot123:SECRET/getMe', '123:SECRET')).toBe(
      'failed for https://x/bot…/getMe',
    );
    expect(maskToken('123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw')).toBe('123456789:…Dsaw');
  });
});
