/**
 * Bodies built to stall or crash a converter: each must come back without
 * throwing, with the text it holds. The conversion is linear or nearly so;
 * a catastrophic (quadratic or backtracking) case would run for minutes
 * and fail on the test timeout.
 */
import { describe, expect, it } from 'vitest';
import { convertWordPressBody } from './convert-body.js';
import { testContext } from '../../../../test/helpers/wordpress-body-context.js';

const MEGABYTE = 1_000_000;

function convert(content: string) {
  const { context, counted } = testContext();
  return { html: convertWordPressBody(content, context), counted };
}

describe('hostile bodies', () => {
  it('a megabyte of [ stays text', () => {
    const input = '['.repeat(MEGABYTE);
    expect(convert(input).html).toBe(`<p>${input}</p>`);
  });

  it('a megabyte of [[ stays text', () => {
    const input = '[['.repeat(MEGABYTE / 2);
    expect(convert(input).html).toBe(`<p>${input}</p>`);
  });

  it('a megabyte of unclosed shortcode tags stays text', () => {
    const input = '[box title="'.repeat(MEGABYTE / 12);
    expect(convert(input).html).toBe(`<p>${input}</p>`);
  });

  it('200,000 opening tags that are never closed are removed and counted', () => {
    const { html, counted } = convert(`أ${'[box]'.repeat(200_000)}ب`);
    expect(html).toBe('<p>أب</p>');
    expect(counted.get('box')).toBe(200_000);
  });

  it('50,000 shortcodes nested inside each other keep their text in order', () => {
    const depth = 50_000;
    const opening = Array.from({ length: depth }, (_, level) => `[s${level}]ن`).join('');
    const closing = Array.from({ length: depth }, (_, level) => `[/s${depth - 1 - level}]`).join(
      '',
    );
    const { html, counted } = convert(opening + closing);
    expect(html).toBe(`<p>${'ن'.repeat(depth)}</p>`);
    expect(counted.size).toBe(depth);
  });

  it('escaped tags whose closing tag never comes stay text', () => {
    const input = '[[a]x'.repeat(100_000);
    expect(convert(input).html).toBe(`<p>${'[x'.repeat(100_000)}</p>`);
  });

  it.each([
    ['unclosed tags', '<a '.repeat(MEGABYTE / 3)],
    ['unclosed comments', '<!--'.repeat(MEGABYTE / 4)],
    ['lone <', '<'.repeat(MEGABYTE)],
  ])('a megabyte of %s stays text', (_what, input) => {
    expect(convert(input).html).toBe(`<p>${input.trim()}</p>`);
  });

  it('100,000 nested blocks, never closed, are kept open', () => {
    const input = '<div>ن\n'.repeat(100_000);
    const { html } = convert(input);
    expect(html.startsWith('<div><p>ن</p><div><p>ن</p>')).toBe(true);
    expect(html.length).toBe(100_000 * '<div><p>ن</p>'.length);
  });

  it('an unclosed <pre> is an ordinary block', () => {
    expect(convert('<pre>أ\n\nب').html).toBe('<pre>أ<br>ب');
  });

  it('an embed block whose attributes cannot be read and hold no address keeps its HTML', () => {
    expect(convert('<!-- wp:embed {"url": -->\n<p>نص</p>\n<!-- /wp:embed -->').html).toBe(
      '<p>نص</p>',
    );
  });
});
