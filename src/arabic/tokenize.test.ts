import { describe, expect, it } from 'vitest';
import { analyse, tokenize } from './tokenize.js';

describe('tokenize', () => {
  it('keeps diacritics, tatweel and ligatures inside their word, with offsets into the original', () => {
    const text = 'غداً، أيّ الأخـــبار في العاصمة اﻷلمانية!';
    const words = tokenize(text).map((t) => [text.slice(t.start, t.end), t.key]);
    expect(words).toEqual([
      ['غداً', 'غدا'],
      ['أيّ', 'اي'],
      ['الأخـــبار', 'الاخبار'],
      ['في', 'في'],
      ['العاصمة', 'العاصمه'],
      ['اﻷلمانية', 'الالمانيه'],
    ]);
  });

  it('reads Arabic-Indic digits and Latin words', () => {
    expect(tokenize('iPhone ١٥ في 2020').map((t) => t.key)).toEqual(['iphone', '15', 'في', '2020']);
  });

  it('gives each word its key with hamza seats kept, for stemming', () => {
    expect(tokenize('المسئول عن شؤون البيئة').map((t) => [t.key, t.stemKey])).toEqual([
      ['المسيول', 'المسئول'],
      ['عن', 'عن'],
      ['شوون', 'شؤون'],
      ['البييه', 'البيئه'],
    ]);
  });

  it('finds no words in punctuation', () => {
    expect(tokenize('«» ... ؟ ، -- "')).toEqual([]);
  });
});

describe('analyse', () => {
  it('gives the exact forms and their stems', () => {
    expect(analyse('والأسد في المدينة')).toEqual({
      exact: 'والاسد في المدينه',
      stems: 'اسد في مدين',
    });
  });

  it('keeps exact forms without hamza seats, and reads stems with them', () => {
    expect(analyse('المسئول عن شؤون سوريا')).toEqual({
      exact: 'المسيول عن شوون سوريا',
      stems: 'مسئول مسيول عن شئون شوون سور سوري',
    });
  });
});
