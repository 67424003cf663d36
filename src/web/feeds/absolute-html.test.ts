import { describe, expect, it } from 'vitest';
import { absoluteHtml } from './absolute-html.js';

const ORIGIN = 'https://news.example';

describe('absoluteHtml', () => {
  it.each([
    ['<a href="/a/1">x</a>', '<a href="https://news.example/a/1">x</a>'],
    [
      '<img src="/media/4/w640.webp" alt="صورة">',
      '<img src="https://news.example/media/4/w640.webp" alt="صورة">',
    ],
    ['<a href="https://other.example/x">x</a>', '<a href="https://other.example/x">x</a>'],
    ['<a href="//cdn.example/x">x</a>', '<a href="//cdn.example/x">x</a>'],
    ['<a href="#note">x</a>', '<a href="#note">x</a>'],
    ['<p>href="/a/1" in text</p>', '<p>href="/a/1" in text</p>'],
  ])('rewrites %s', (html, expected) => {
    expect(absoluteHtml(html, ORIGIN)).toBe(expected);
  });

  it('rewrites each URL of a srcset and keeps its width', () => {
    expect(
      absoluteHtml('<img srcset="/media/4/w320.webp 320w, /media/4/w640.webp 640w">', ORIGIN),
    ).toBe(
      '<img srcset="https://news.example/media/4/w320.webp 320w, https://news.example/media/4/w640.webp 640w">',
    );
  });
});
