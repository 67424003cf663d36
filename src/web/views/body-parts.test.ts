import { describe, expect, it } from 'vitest';
import type { RelatedLink } from '../../domain/article.js';
import { splitBody } from './body-parts.js';

const readAlso = (headline: string, afterParagraph: number): RelatedLink => ({
  kind: 'read_also',
  headline,
  afterParagraph,
  target: null,
});
const body = '<p>1</p>\n<p>2</p>\n<p>3</p>\n<p>4</p>';

describe('splitBody', () => {
  it('puts a read-also box after the paragraph it names', () => {
    const parts = splitBody(body, [readAlso('أ', 3)]);
    expect(parts).toEqual([
      { kind: 'html', html: '<p>1</p>\n<p>2</p>\n<p>3</p>' },
      { kind: 'read_also', link: readAlso('أ', 3) },
      { kind: 'html', html: '\n<p>4</p>' },
    ]);
  });

  it('places two boxes in paragraph order', () => {
    const parts = splitBody(body, [readAlso('ب', 3), readAlso('أ', 1)]);
    expect(parts.map((p) => (p.kind === 'html' ? p.html.trim() : p.link.headline))).toEqual([
      '<p>1</p>',
      'أ',
      '<p>2</p>\n<p>3</p>',
      'ب',
      '<p>4</p>',
    ]);
  });

  it('puts a box whose place is past the end after the last paragraph', () => {
    const parts = splitBody('<p>1</p>', [readAlso('أ', 5)]);
    expect(parts.map((p) => p.kind)).toEqual(['html', 'read_also']);
  });

  it('ignores "more" links and keeps the body whole without read-also', () => {
    const more: RelatedLink = { kind: 'more', headline: 'م', afterParagraph: null, target: null };
    expect(splitBody(body, [more])).toEqual([{ kind: 'html', html: body }]);
  });
});
