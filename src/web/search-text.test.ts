import { describe, expect, it } from 'vitest';
import type { TextPart } from '../domain/search-result.js';
import { markedHtml, plainText } from './search-text.js';

const plain = (text: string): TextPart => ({ text, match: false });
const hit = (text: string): TextPart => ({ text, match: true });

describe('markedHtml isolates Latin runs and keeps the marks', () => {
  it.each([
    [
      'a Latin name in brackets',
      [plain('افتتح مؤتمر (Unicode Conference) أعماله')],
      'افتتح مؤتمر (<bdi dir="ltr">Unicode Conference</bdi>) أعماله',
    ],
    [
      'a mark inside the run',
      [hit('مؤتمر'), plain(' (Unicode '), hit('Conference'), plain(') في سان خوسيه')],
      '<mark>مؤتمر</mark> (<bdi dir="ltr">Unicode <mark>Conference</mark></bdi>) في سان خوسيه',
    ],
    [
      'a mark across the run edge is cut in two',
      [hit('iPhoneالجديد'), plain(' يصل')],
      '<bdi dir="ltr"><mark>iPhone</mark></bdi><mark>الجديد</mark> يصل',
    ],
    [
      'a run at the start of a snippet',
      [plain('Reuters: قالت الوزارة …')],
      '<bdi dir="ltr">Reuters</bdi>: قالت الوزارة …',
    ],
    [
      'escaping inside a run',
      [plain('شركة AT&T <Inc> تعلن')],
      'شركة <bdi dir="ltr">AT&amp;T &lt;Inc</bdi>&gt; تعلن',
    ],
    ['Arabic only', [plain('… قال '), hit('الأسد'), plain(' إن')], '… قال <mark>الأسد</mark> إن'],
  ])('%s', (_name, parts, expected) => {
    expect(markedHtml(parts)).toBe(expected);
    expect(plainText(parts)).toBe(parts.map((p) => p.text).join(''));
  });
});
