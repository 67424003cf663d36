import { describe, expect, it } from 'vitest';
import { smtpOutcome, mailFromHeader, addressOf } from './mail-transport.js';
import { MailLimit, normaliseEmail, editionIdOf } from './newsletter-subscribers.js';

describe('normaliseEmail', () => {
  it('trims and lowercases a plausible address', () => {
    expect(normaliseEmail(' Reader@Example.COM ')).toBe('reader@example.com');
    expect(normaliseEmail('قارئ@مثال.شبكة')).toBe('قارئ@مثال.شبكة');
    expect(normaliseEmail('a.b+news@sub.example.org')).toBe('a.b+news@sub.example.org');
  });
  it('refuses what is not one mailbox', () => {
    for (const bad of [
      '',
      'reader',
      'reader@',
      '@example.org',
      'a@b',
      'a@@b.org',
      'a b@example.org',
      'a@example..org',
      '.a@example.org',
      'a..b@example.org',
      '<a@example.org>',
      'a@-x.org',
      `${'a'.repeat(65)}@example.org`,
      `a@${'b'.repeat(250)}.org`,
    ]) {
      expect(normaliseEmail(bad), bad).toBeNull();
    }
  });
});

describe('MailLimit', () => {
  it('allows three mails a day to one address, then again a day after the first', () => {
    const limit = new MailLimit();
    const t0 = new Date('2026-12-04T10:00:00Z');
    const at = (h: number) => new Date(t0.getTime() + h * 3600_000);
    expect([0, 1, 2, 3].map((h) => limit.allow('a@example.org', at(h)))).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(limit.allow('b@example.org', at(3))).toBe(true);
    expect(limit.allow('a@example.org', at(24.01))).toBe(true);
    expect(limit.allow('a@example.org', at(24.02))).toBe(false);
  });
});

describe('smtpOutcome', () => {
  it('sorts the server answers: 5xx at RCPT gone, other 5xx failed, 4xx and network retried', () => {
    expect(
      smtpOutcome({ responseCode: 550, command: 'RCPT TO', response: '550 5.1.1 unknown' }),
    ).toEqual({ status: 'gone', error: '550 5.1.1 unknown' });
    expect(
      smtpOutcome({
        rejectedErrors: [{ responseCode: 553, command: 'RCPT TO', response: '553 no' }],
      }),
    ).toEqual({ status: 'gone', error: '553 no' });
    expect(smtpOutcome({ responseCode: 552, command: 'RCPT TO', response: '552 full' })).toEqual({
      status: 'failed',
      error: '552 full',
    });
    expect(smtpOutcome({ responseCode: 554, command: 'DATA', response: '554 spam' })).toEqual({
      status: 'failed',
      error: '554 spam',
    });
    expect(smtpOutcome({ responseCode: 451, command: 'RCPT TO', response: '451 later' })).toEqual({
      status: 'retry',
      error: '451 later',
    });
    expect(smtpOutcome({ code: 'ECONNECTION', message: 'connect ECONNREFUSED' })).toEqual({
      status: 'retry',
      error: 'connect ECONNREFUSED',
    });
  });
});

describe('mail headers', () => {
  it('makes the From header from the site when MIDAD_MAIL_FROM is unset', () => {
    expect(mailFromHeader({ mailFrom: undefined, siteName: 'مداد' }, 'https://news.example')).toBe(
      '"مداد" <news@news.example>',
    );
    expect(
      mailFromHeader({ mailFrom: 'desk@news.example', siteName: 'مداد' }, 'https://x.example'),
    ).toBe('desk@news.example');
    expect(addressOf('"مداد" <news@news.example>')).toBe('news@news.example');
    expect(addressOf('news@news.example')).toBe('news@news.example');
  });
  it('reads an edition id from a link only as a positive decimal', () => {
    expect(editionIdOf('77')).toBe('77');
    expect(['0', '-1', '7a', '', undefined, ['7']].map(editionIdOf)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });
});
