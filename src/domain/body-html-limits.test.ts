import { describe, expect, it } from 'vitest';
import { BODY_HTML_LIMITS, bodyHtmlProblem } from './body-html-limits.js';

describe('bodyHtmlProblem', () => {
  it.each([
    ['a short article', '<p dir="auto">قال <strong>الوزير</strong></p>', null],
    ['32 elements deep', '<ul><li>'.repeat(16) + 'نص', null],
    ['33 elements deep', '<ul><li>'.repeat(16) + '<b>نص</b>', 'TOO_DEEP'],
    ['an image as the 33rd element', '<ul><li>'.repeat(16) + '<img src="/a.webp">', 'TOO_DEEP'],
    ['thousands of siblings, each shallow', '<p><b>أ</b></p>'.repeat(5_000), null],
    ['items closed by the next item, as a browser does', '<ul>' + '<li>أ'.repeat(100), null],
    ['the attack of issue 13, nested 30,000 deep', '<ul><li>'.repeat(20_000), 'TOO_DEEP'],
    ['exactly at the size limit', 'ا'.repeat(BODY_HTML_LIMITS.maxChars), null],
    ['one character over the size limit', 'ا'.repeat(BODY_HTML_LIMITS.maxChars + 1), 'TOO_LARGE'],
  ])('%s', (_name, html, expected) => {
    expect(bodyHtmlProblem(html)).toBe(expected);
  });
});
