import { describe, expect, it } from 'vitest';
import { truncateWords } from './truncate.js';

describe('truncateWords', () => {
  it.each([
    ['keeps short text whole', 'خبر عاجل', 20, 'خبر عاجل'],
    ['cuts at the last whole word', 'أعلنت تركيا عن توافق', 12, 'أعلنت تركيا…'],
    ['drops trailing punctuation before the ellipsis', 'في إدلب، وقالت الرئاسة', 9, 'في إدلب…'],
    ['collapses whitespace', 'خبر \n  عاجل', 20, 'خبر عاجل'],
    ['cuts one over-long word inside it', 'الاستراتيجيات', 5, 'الاست…'],
  ])('%s', (_name, text, max, expected) => {
    expect(truncateWords(text, max)).toBe(expected);
  });
});
