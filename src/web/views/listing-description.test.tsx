import { describe, expect, it } from 'vitest';
import type { ListingContent } from '../../domain/reader-pages.js';
import { testPageContext } from '../../../test/helpers/page-context.js';
import { listingDescription } from './listing-page.js';

const ctx = testPageContext();
const listing = (over: Partial<ListingContent>): ListingContent => ({
  kind: 'section',
  id: '1',
  name: 'سياسة',
  slug: 'politics',
  bio: '',
  description: '',
  photo: null,
  links: [],
  page: 1,
  articles: [],
  hasOlder: false,
  ...over,
});

describe('listingDescription', () => {
  it("is the section's description, its spaces folded", () => {
    expect(
      listingDescription(
        ctx,
        listing({ description: 'أخبار السياسة\nفي سوريا والمنطقة.' }),
        'سياسة',
      ),
    ).toBe('أخبار السياسة في سوريا والمنطقة.');
  });

  it("is the author's bio on an author page", () => {
    expect(
      listingDescription(ctx, listing({ kind: 'author', bio: 'مراسلة من حلب.' }), 'مقالات ليلى'),
    ).toBe('مراسلة من حلب.');
  });

  it('is a sentence naming the page and the site when nothing was written', () => {
    expect(listingDescription(ctx, listing({}), 'سياسة')).toBe(
      'سياسة: آخر الأخبار والمقالات على مداد.',
    );
  });

  it('is cut to 160 characters', () => {
    const long = 'كلمة '.repeat(60);
    expect(
      [...listingDescription(ctx, listing({ description: long }), 'سياسة')].length,
    ).toBeLessThanOrEqual(160);
  });
});
