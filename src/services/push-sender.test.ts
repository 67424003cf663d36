import { describe, expect, it } from 'vitest';
import { pushPayload, PUSH_PAYLOAD_MAX_BYTES } from './push-alerts.js';
import { vapidSubject } from './push-keys.js';
import { pushOutcome, retryAfterMs } from './push-sender.js';

describe('pushOutcome (RFC 8030 answers)', () => {
  it('maps each status to sent, gone, retry or failed', () => {
    expect(pushOutcome(201, null, '')).toEqual({ status: 'sent' });
    expect(pushOutcome(410, null, 'expired')).toEqual({
      status: 'gone',
      error: 'HTTP 410: expired',
    });
    expect(pushOutcome(404, null, '')).toEqual({ status: 'gone', error: 'HTTP 404' });
    expect(pushOutcome(429, '30', '')).toEqual({
      status: 'retry',
      error: 'HTTP 429',
      retryAfterMs: 30_000,
    });
    expect(pushOutcome(503, null, '')).toEqual({ status: 'retry', error: 'HTTP 503' });
    expect(pushOutcome(413, null, 'too big')).toEqual({
      status: 'failed',
      error: 'HTTP 413: too big',
    });
    expect(pushOutcome(400, null, '')).toEqual({ status: 'failed', error: 'HTTP 400' });
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2026-12-04T10:00:00Z');
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs('Fri, 04 Dec 2026 10:01:00 GMT', now)).toBe(60_000);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
  });
});

describe('pushPayload', () => {
  const alert = {
    articleId: '42',
    title: 'عاجل: اتفاق على وقف إطلاق النار',
    body: 'كلمة '.repeat(100),
    path: '/a/42/%D8%B9',
    image: '/media/7/w960.webp',
    createdAt: new Date('2026-12-04T10:00:00Z'),
  };

  it('shortens the body to 200 characters at a word, with absolute URLs', () => {
    const payload = pushPayload(alert, 'https://news.example');
    expect([...payload.body].length).toBeLessThanOrEqual(200);
    expect(payload.body.endsWith('كلمة…')).toBe(true);
    expect({ ...payload, body: '' }).toEqual({
      title: 'عاجل: اتفاق على وقف إطلاق النار',
      body: '',
      url: 'https://news.example/a/42/%D8%B9',
      icon: 'https://news.example/assets/icon-192.png',
      image: 'https://news.example/media/7/w960.webp',
      tag: 'a42',
      lang: 'ar',
      dir: 'rtl',
      timestamp: Date.parse('2026-12-04T10:00:00Z'),
    });
  });

  it('stays within 3,000 bytes whatever the headline', () => {
    const payload = pushPayload(
      { ...alert, title: 'ع'.repeat(2000), path: `/a/42/${'%D8%B9'.repeat(300)}` },
      'https://news.example',
    );
    expect(Buffer.byteLength(JSON.stringify(payload))).toBeLessThanOrEqual(PUSH_PAYLOAD_MAX_BYTES);
  });
});

describe('vapidSubject (RFC 8292 sub)', () => {
  const base = { host: '127.0.0.1', port: 3000 };
  it('prefers the From address, then an https base URL, then webmaster@host', () => {
    expect(vapidSubject({ ...base, mailFrom: '"مداد" <news@news.example>' })).toBe(
      'mailto:news@news.example',
    );
    expect(vapidSubject({ ...base, mailFrom: 'desk@news.example' })).toBe(
      'mailto:desk@news.example',
    );
    expect(vapidSubject({ ...base, baseUrl: 'https://news.example' })).toBe('https://news.example');
    expect(vapidSubject({ ...base, baseUrl: 'http://localhost:3000' })).toBe(
      'mailto:webmaster@localhost',
    );
    expect(vapidSubject(base)).toBe('mailto:webmaster@127.0.0.1');
  });
});
