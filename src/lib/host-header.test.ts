import { describe, expect, it } from 'vitest';
import { parseHostHeader } from './host-header.js';

describe('parseHostHeader', () => {
  it.each([
    ['news.example', 'news.example', null, 'news.example'],
    ['News.Example:8080', 'news.example', 8080, 'news.example:8080'],
    ['127.0.0.1:3000', '127.0.0.1', 3000, '127.0.0.1:3000'],
    ['localhost', 'localhost', null, 'localhost'],
    ['[::1]:3000', '[::1]', 3000, '[::1]:3000'],
    ['[2001:DB8::1]', '[2001:db8::1]', null, '[2001:db8::1]'],
    ['xn--mgbh0fb.example', 'xn--mgbh0fb.example', null, 'xn--mgbh0fb.example'],
    ['news.example.', 'news.example.', null, 'news.example.'],
  ])('reads %j', (value, hostname, port, host) => {
    expect(parseHostHeader(value)).toEqual({ hostname, port, host });
  });

  it.each([
    '',
    'a b',
    'evil.example/x',
    'evil.example?x',
    'evil.example#x',
    'user@evil.example',
    '<b>',
    '"evil"',
    'évil.example',
    'a:b:c',
    'news.example:',
    'news.example:0',
    'news.example:65536',
    'news.example:123456',
    'news.example:+80',
    '[::1',
    '[::1]x',
    '[fe80::1%eth0]',
    '[1.2.3.4]',
    '::1',
    '.news.example',
    'news..example',
    '-news.example',
    `${'a'.repeat(64)}.example`,
    'news.example\r\nx: y',
  ])('refuses %j', (value) => {
    expect(parseHostHeader(value)).toBeNull();
  });
});
