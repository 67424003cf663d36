import { describe, expect, it } from 'vitest';
import type { ListingContent } from '../../domain/reader-pages.js';
import { ListingPage } from './listing-page.js';
import { renderDocument } from './render.js';
import { testPageContext } from '../../../test/helpers/page-context.js';

const ctx = testPageContext();

function listing(kind: ListingContent['kind'], name: string, page = 1): string {
  return renderDocument(
    <ListingPage
      ctx={ctx}
      data={{
        kind,
        id: '1',
        name,
        slug: 's',
        bio: '',
        description: '',
        photo: null,
        links: [],
        page,
        articles: [],
        hasOlder: false,
      }}
    />,
  );
}

const heading = (html: string) => /<h1 id="listing-heading"[^>]*>(.*?)<\/h1>/.exec(html)?.[1];
const title = (html: string) => /<title>(.*?)<\/title>/.exec(html)?.[1];

describe('the heading and title of author, tag and section pages isolate the name', () => {
  it.each([
    [
      'author',
      'J. Smith, Jr.',
      1,
      'مقالات <bdi>J. Smith, Jr.</bdi>',
      'مقالات \u2068J. Smith, Jr.\u2069 | مداد',
    ],
    [
      'author',
      'J. Smith, Jr.',
      2,
      'مقالات <bdi>J. Smith, Jr.</bdi>، الصفحة <bdi>2</bdi>',
      'مقالات \u2068J. Smith, Jr.\u2069، الصفحة 2 | مداد',
    ],
    ['tag', 'COP28', 1, 'وسم: <bdi>COP28</bdi>', 'وسم: \u2068COP28\u2069 | مداد'],
    ['section', 'BBC News.', 1, '<bdi>BBC News.</bdi>', '\u2068BBC News.\u2069 | مداد'],
    ['author', 'رويترز', 1, 'مقالات <bdi>رويترز</bdi>', 'مقالات \u2068رويترز\u2069 | مداد'],
    // A name cannot reach past its isolate with a bidi control of its own.
    [
      'author',
      'Ali\u2069\u202E',
      1,
      'مقالات <bdi>Ali\u2069\u202E</bdi>',
      'مقالات \u2068Ali\u2069 | مداد',
    ],
  ] as const)('%s «%s», page %i', (kind, name, page, h1, pageTitle) => {
    const html = listing(kind, name, page);
    expect(heading(html)).toBe(h1);
    expect(title(html)).toBe(pageTitle);
  });

  it.each([
    ['author', 'J. Smith, Jr.', 'مقالات \u2068J. Smith, Jr.\u2069'],
    ['tag', 'COP28', 'وسم: \u2068COP28\u2069'],
    ['section', 'BBC News.', 'BBC News.'],
  ] as const)('names the %s crumb of the breadcrumbs «%s»', (kind, name, crumb) => {
    const json = /<script type="application\/ld\+json">(.*?)<\/script>/.exec(listing(kind, name));
    const list = JSON.parse(json?.[1] ?? '{}') as { itemListElement: { name: string }[] };
    expect(list.itemListElement.map((item) => item.name)).toEqual(['مداد', crumb]);
  });

  it('escapes the name in the heading', () => {
    expect(heading(listing('tag', '<b>&'))).toBe('وسم: <bdi>&lt;b>&amp;</bdi>');
  });
});
