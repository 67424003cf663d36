import { describe, expect, it } from 'vitest';
import { idFromLink, numberInLink, pickArticleLink, usableId } from './short-link.js';

describe('idFromLink', () => {
  it.each([
    ['http://anapress.net/a/258871304963183', '258871304963183'],
    ['https://x.example/a/9007199254740993', '9007199254740993'],
    ['https://x.example/a/9007199254740993?utm_source=telegram', '9007199254740993'],
    ['https://x.example/news/2021/01/18/73514', '73514'],
    ['https://x.example/2021/01/18/73514-metro-line-3', '73514'],
    ['https://x.example/article/558812/%D8%A7%D9%84%D8%A3%D8%B1%D8%B5%D8%A7%D8%AF', '558812'],
    ['https://x.example/?p=48213', '48213'],
    ['https://x.example/news.php?id=٤٨٢١٣', '48213'],
    ['https://x.example/a/000123', '123'],
    ['https://x.example/a/9223372036854775807', '9223372036854775807'],
    ['https://x.example/news/00048213', '48213'],
  ])('finds the id in %s', (link, id) => {
    expect(idFromLink(link)).toBe(id);
  });

  it.each([
    'https://x.example/news/2021/01/18/metro',
    'https://x.example/',
    'not a link',
    'https://x.example/a/0',
    'https://x.example/a/000',
    'https://x.example/a/9223372036854775808',
    'https://x.example/a/99999999999999999999',
  ])('finds no id in %s', (link) => {
    expect(idFromLink(link)).toBeNull();
  });
});

describe('numberInLink and usableId', () => {
  it('keep the number as printed apart from the id it gives', () => {
    expect(numberInLink('https://x.example/a/000123')).toBe('000123');
    expect(numberInLink('https://x.example/a/0')).toBe('0');
    expect(usableId('000123')).toBe('123');
    expect(usableId('0')).toBeNull();
    expect(usableId('09223372036854775807')).toBe('9223372036854775807');
    expect(usableId('9223372036854775808')).toBeNull();
  });
});

describe('pickArticleLink', () => {
  it('skips share links and prefers a link with an id', () => {
    expect(
      pickArticleLink([
        'https://www.facebook.com/sharer.php?u=https://x.example/a/1',
        'https://x.example/about',
        'https://x.example/a/42',
      ]),
    ).toBe('https://x.example/a/42');
  });

  it('prefers a link whose number is a usable id', () => {
    expect(pickArticleLink(['https://x.example/a/0', 'https://x.example/a/42'])).toBe(
      'https://x.example/a/42',
    );
  });

  it('takes the first own link when none has an id', () => {
    expect(pickArticleLink(['https://t.me/share', 'https://x.example/news/metro'])).toBe(
      'https://x.example/news/metro',
    );
    expect(pickArticleLink([])).toBeNull();
  });
});
