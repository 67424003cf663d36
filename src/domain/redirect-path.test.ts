import { describe, expect, it } from 'vitest';
import { hasLoneSurrogate, locationOf, namesOldItem, redirectKey } from './redirect-path.js';

describe('redirectKey', () => {
  it.each([
    ['raw Arabic', '/2021/01/03/خبر-عاجل/', '/2021/01/03/خبر-عاجل'],
    [
      'upper-case escapes',
      '/2021/01/03/%D8%AE%D8%A8%D8%B1-%D8%B9%D8%A7%D8%AC%D9%84/',
      '/2021/01/03/خبر-عاجل',
    ],
    [
      'lower-case escapes',
      '/2021/01/03/%d8%ae%d8%a8%d8%b1-%d8%b9%d8%a7%d8%ac%d9%84',
      '/2021/01/03/خبر-عاجل',
    ],
    [
      'mixed raw and escaped',
      '/category/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/سوريا/',
      '/category/أخبار/سوريا',
    ],
    ['decomposed hamza made NFC', '/category/\u0627\u0654خبار/', '/category/\u0623خبار'],
    ['the home page', '/', '/'],
    ['several trailing slashes', '/about//', '/about'],
    ['a tracking-only query is dropped', '/x/?utm_source=fb&fbclid=abc', '/x'],
    ['an item query is kept', '/?p=123&utm_source=x', '/?p=123'],
    ['item parameters sorted', '/?page_id=9&cat=4', '/?cat=4&page_id=9'],
    ['an author’s user id is kept', '/blog/?author=3&s=x', '/blog?author=3'],
    [
      'the feed asked of an address is kept',
      '/category/x/?utm_source=y&feed=atom',
      '/category/x?feed=atom',
    ],
    ['the last of a repeated parameter', '/?p=1&p=2', '/?p=2'],
    ['an empty item parameter is dropped', '/?p=', '/'],
    ['an encoded query value', '/?cat=%d8%b1', '/?cat=ر'],
    ['a fragment', '/x/#comments', '/x'],
    [
      'an absolute URL keeps path and query',
      'https://old.example/2021/01/x/?p=5&ref=y',
      '/2021/01/x?p=5',
    ],
    ['an absolute URL with raw Arabic', 'https://old.example/خبر/', '/خبر'],
    ['an encoded slash stays encoded', '/a%2fb/', '/a%2Fb'],
    ['an encoded percent stays encoded', '/100%25/', '/100%25'],
    ['an encoded query mark stays encoded', '/why%3f', '/why%3F'],
    ['escapes that are not UTF-8 stay, upper-cased', '/x%ff%fe/', '/x%FF%FE'],
    ['an escaped control character stays escaped', '/x%0a', '/x%0A'],
    ['a slash inside a run of Arabic escapes stays encoded', '/%d8%b1%2f%d8%a8/', '/ر%2Fب'],
    ['an ampersand inside an escaped query value stays encoded', '/?cat=%d8%b1%26x', '/?cat=ر%26x'],
  ])('%s: %s → %s', (_name, input, key) => {
    expect(redirectKey(input)).toBe(key);
  });

  it.each([
    ['empty', ''],
    ['no leading slash', 'خبر/'],
    ['protocol-relative', '//evil.example/x'],
    ['another scheme', 'javascript:alert(1)'],
    ['a control character', '/x\ny'],
    ['a NUL', '/x\u0000'],
    ['over 2,000 characters', `/${'ر'.repeat(2000)}`],
    ['a lone high surrogate', '/x\uD800'],
    ['a lone low surrogate', '/\uDE00x'],
    ['a lone surrogate in an absolute URL', 'https://old.example/x\uD83D/'],
  ])('refuses %s', (_name, input) => {
    expect(redirectKey(input)).toBeNull();
  });

  it('accepts exactly 2,000 characters', () => {
    expect(redirectKey(`/${'a'.repeat(1999)}`)).toBe(`/${'a'.repeat(1999)}`);
  });
});

describe('hasLoneSurrogate', () => {
  it.each([
    ['/x\uD800', true],
    ['/\uDC00', true],
    ['/\uDE00\uD83D', true],
    ['/😀', false],
    ['/خبر', false],
    ['', false],
  ])('%j → %s', (text, expected) => {
    expect(hasLoneSurrogate(text)).toBe(expected);
  });
});

describe('namesOldItem', () => {
  it.each([
    ['/?p=123', true],
    ['/?page_id=9&utm_source=x', true],
    ['/?cat=4', true],
    ['/?author=3', true],
    ['/?feed=atom', true],
    ['/?page=2', false],
    ['/?utm_source=x', false],
    ['/', false],
  ])('%s → %s', (input, expected) => {
    expect(namesOldItem(input)).toBe(expected);
  });
});

describe('locationOf', () => {
  it.each([
    ['/a/12/خبر', '/a/12/%D8%AE%D8%A8%D8%B1'],
    ['/a/12/%D8%AE', '/a/12/%D8%AE'],
    ['/section/رياضة?page=2', '/section/%D8%B1%D9%8A%D8%A7%D8%B6%D8%A9?page=2'],
    ['https://other.example/a b', 'https://other.example/a%20b'],
    ['/100%', '/100%25'],
  ])('%s → %s', (input, expected) => {
    expect(locationOf(input)).toBe(expected);
  });
});
