import { describe, expect, it } from 'vitest';
import { decodeSlug } from './decode-slug.js';

describe('decodeSlug of WordPress slugs', () => {
  it.each([
    ['%d8%b1%d9%8a%d8%a7%d8%b6%d8%a9', 'رياضة'],
    ['%D8%B1%D9%8A%D8%A7%D8%B6%D8%A9', 'رياضة'],
    ['news-2024', 'news-2024'],
    ['%d8-%d8%b1', '%d8-ر'],
    ['100%-sure', '100%-sure'],
    // A decomposed alef with hamza above (U+0627 U+0654) composes to U+0623.
    ['%d8%a7%d9%94%d8%ae%d8%a8%d8%a7%d8%b1', 'أخبار'],
  ])('decodes %s as %s', (raw, slug) => {
    expect(decodeSlug(raw)).toBe(slug);
  });
});

describe('decodeSlug of Ghost slugs', () => {
  it.each([
    ['%d8%ae%d8%a8%d8%b1-2', 'خبر-2'],
    ['%D8%AE%D8%A8%D8%B1', 'خبر'],
    ['خبر-عاجل', 'خبر-عاجل'],
    ['100%-sure', '100%-sure'],
    ['%d8', '%d8'],
    ['cafe\u0301', 'café'],
  ])('decodes %j as %j', (slug, expected) => {
    expect(decodeSlug(slug)).toBe(expected);
  });
});
