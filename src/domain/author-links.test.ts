import { describe, expect, it } from 'vitest';
import { linkUrlProblem, parseStoredLinks, serializeLinks } from './author-links.js';

describe('linkUrlProblem', () => {
  it.each([
    ['https://example.com/layla', null],
    ['http://example.com', null],
    ['https://ar.wikipedia.org/wiki/%D9%85%D8%AF%D8%A7%D8%AF', null],
    ['https://مداد.نت/كاتب', null],
    ['javascript:alert(1)', 'not_http'],
    ['data:text/html,<b>x</b>', 'not_http'],
    ['mailto:layla@example.com', 'not_http'],
    ['ftp://example.com/file', 'not_http'],
    ['example.com/layla', 'not_http'],
    ['https://', 'not_http'],
    ['https://exa mple.com', 'not_http'],
    [`https://example.com/${'a'.repeat(481)}`, 'too_long'],
  ])('judges %j: %j', (url, problem) => {
    expect(linkUrlProblem(url)).toBe(problem);
  });

  it('accepts a URL of exactly 500 characters', () => {
    expect(linkUrlProblem(`https://example.com/${'a'.repeat(480)}`)).toBeNull();
  });
});

describe('parseStoredLinks', () => {
  it('reads the stored links back in their order', () => {
    const links = [
      { kind: 'website' as const, url: 'https://layla.example' },
      { kind: 'x' as const, url: 'https://x.com/layla' },
    ];
    expect(parseStoredLinks(serializeLinks(links))).toEqual(links);
  });

  it('skips entries of an unknown kind or with a URL that is not http(s)', () => {
    const json = JSON.stringify([
      { kind: 'myspace', url: 'https://myspace.com/a' },
      { kind: 'x', url: 'javascript:alert(1)' },
      { kind: 'telegram', url: 'https://t.me/layla' },
      'https://example.com',
      null,
    ]);
    expect(parseStoredLinks(json)).toEqual([{ kind: 'telegram', url: 'https://t.me/layla' }]);
  });

  it('gives no links for damaged JSON or a value that is not a list', () => {
    expect(parseStoredLinks('[{')).toEqual([]);
    expect(parseStoredLinks('{"kind":"x"}')).toEqual([]);
  });
});
