import { describe, expect, it } from 'vitest';
import { normalizeForSearch } from './normalize.js';
import { isStopWord } from './stopwords.js';

describe('isStopWord', () => {
  it.each(['على', 'إلى', 'في', 'هذه', 'التي', 'أيضاً', 'كانت'])(
    'knows %s, as a search key',
    (word) => {
      expect(isStopWord(normalizeForSearch(word))).toBe(true);
    },
  );

  it.each(['تونس', 'أي', 'اليوم', 'وزير', 'الأسد'])('keeps %s, a word worth searching', (word) => {
    expect(isStopWord(normalizeForSearch(word))).toBe(false);
  });
});
