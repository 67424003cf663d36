import { describe, expect, it } from 'vitest';
import { testPageContext } from '../../../test/helpers/page-context.js';
import type { ArticleId } from '../../domain/article-id.js';
import type { SearchOutcome, SearchResult, TextPart } from '../../domain/search-result.js';
import { renderDocument } from './render.js';
import { SearchPage, type SearchForm } from './search-page.js';

const ctx = testPageContext();
const plain = (text: string): TextPart => ({ text, match: false });
const hit = (text: string): TextPart => ({ text, match: true });

function page(q: string, outcome: SearchOutcome): string {
  const form: SearchForm = { q, section: '', from: '', to: '', sort: 'relevance', page: 1 };
  return renderDocument(
    <SearchPage ctx={ctx} form={form} sections={[]} outcome={outcome} perPage={10} />,
  );
}

const result = (headlineParts: TextPart[], snippetParts: TextPart[]): SearchResult => ({
  id: '258871304963183' as ArticleId,
  headline: headlineParts.map((p) => p.text).join(''),
  headlineParts,
  snippetParts,
  publishedAt: null,
  publishedPrecision: 'minute',
  section: { slug: 'tech', name: 'Tech & Science' },
});

const between = (html: string, open: string, close: string) =>
  html.slice(html.indexOf(open) + open.length, html.indexOf(close, html.indexOf(open)));

describe('the search page isolates the query and the Latin runs of results', () => {
  const html = page('مؤتمر Unicode', {
    searched: true,
    total: 1,
    results: [
      result(
        [hit('مؤتمر'), plain(' '), hit('Unicode'), plain(' يبدأ أعماله في سان خوسيه')],
        [
          plain('افتتح '),
          hit('مؤتمر'),
          plain(' ('),
          hit('Unicode'),
          plain(' Conference) الثامن والأربعون أعماله.'),
        ],
      ),
    ],
  });

  it.each([
    ['the title', '<title>', '</title>', 'نتائج البحث عن «\u2068مؤتمر Unicode\u2069» | مداد'],
    [
      'the heading',
      '<h1 id="search-heading" class="page-title">',
      '</h1>',
      'نتائج البحث عن «<bdi>مؤتمر Unicode</bdi>»',
    ],
    [
      'the headline',
      '<h2 class="search-result__headline">',
      '</h2>',
      '<a href="/a/258871304963183"><mark>مؤتمر</mark> <bdi dir="ltr"><mark>Unicode</mark></bdi> يبدأ أعماله في سان خوسيه</a>',
    ],
    [
      'the snippet',
      '<p class="search-result__snippet">',
      '</p>',
      'افتتح <mark>مؤتمر</mark> (<bdi dir="ltr"><mark>Unicode</mark> Conference</bdi>) الثامن والأربعون أعماله.',
    ],
    [
      'the section',
      '<p class="search-result__meta">',
      '</p>',
      '<span><bdi>Tech &amp; Science</bdi></span><span class="published">تاريخ النشر غير معروف</span>',
    ],
  ])('%s', (_name, open, close, expected) => {
    expect(between(html, open, close)).toBe(expected);
  });

  it('isolates the query in the message for no results', () => {
    const none = page('J. Smith, Jr.', { searched: true, total: 0, results: [] });
    expect(between(none, '<p class="empty">', '</p>')).toBe(
      'لا نتائج لـ «<bdi>J. Smith, Jr.</bdi>». جرّب كلمة أخرى أو أزل المرشّحات.',
    );
  });
});
