import { describe, expect, it } from 'vitest';
import { isolateText, ltrRuns } from './bidi.js';

const runsOf = (text: string) => ltrRuns(text).map((r) => text.slice(r.start, r.end));

describe('ltrRuns', () => {
  it.each([
    ['a Latin name in brackets', 'افتتح مؤتمر (Unicode Conference) أعماله', ['Unicode Conference']],
    ['a name with its periods and comma', 'قال J. Smith, Jr. إن', ['J. Smith, Jr']],
    ['two runs', 'بين BBC وCNN اليوم', ['BBC', 'CNN']],
    ['digits inside a run', 'هاتف iPhone 17 Pro الجديد', ['iPhone 17 Pro']],
    ['digits alone are no run', 'عام 2026 و٢٠٢٦', []],
    ['a run at both ends', 'COVID-19 في Paris', ['COVID', 'Paris']],
    [
      'accents and marks stay with their letter',
      'مدينة Montréal ثم Sa\u0303o',
      ['Montréal', 'Sa\u0303o'],
    ],
    ['no Latin', 'عاجل: الحكومةُ تعلن النتائج 🔴', []],
  ])('%s', (_name, text, expected) => {
    expect(runsOf(text)).toEqual(expected);
  });

  it('gives UTF-16 offsets', () => {
    expect(ltrRuns('مؤتمر (Unicode Conference) في')).toEqual([{ start: 7, end: 25 }]);
  });
});

describe('isolateText', () => {
  it.each([
    ['J. Smith, Jr.', '\u2068J. Smith, Jr.\u2069'],
    ['رويترز', '\u2068رويترز\u2069'],
    ['\u202Egnp.exe\u2069', '\u2068gnp.exe\u2069'],
    ['\u200Fمع RLM', '\u2068\u200Fمع RLM\u2069'],
  ])('%j', (text, expected) => {
    expect(isolateText(text)).toBe(expected);
  });
});
