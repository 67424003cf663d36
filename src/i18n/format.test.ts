import { describe, expect, it } from 'vitest';
import { catalogueKeys, translator } from './format.js';

describe('translator', () => {
  it('fills named placeholders', () => {
    expect(translator('ar')('article.readingTime', { duration: 'دقيقتان' })).toBe(
      'مدة القراءة: دقيقتان',
    );
  });

  it('leaves a missing placeholder visible', () => {
    expect(translator('en')('site.footer')).toBe(
      '© {siteName}. Powered by the Midad publishing platform.',
    );
  });

  it('has the same keys in Arabic and English', () => {
    expect(catalogueKeys('en')).toEqual(catalogueKeys('ar'));
  });
});
