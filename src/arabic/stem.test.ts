import { describe, expect, it } from 'vitest';
import { normalizeForSearch, normalizeKeepingHamzaSeats } from './normalize.js';
import { lightStem, seatReadings, stemCandidates } from './stem.js';

const stem = (word: string) => lightStem(normalizeForSearch(word));

describe('lightStem', () => {
  it.each([
    ['the article', 'الأسد', 'اسد'],
    ['و + the article', 'والأسد', 'اسد'],
    ['ب + the article', 'بالأسد', 'اسد'],
    ['ل + the article, contracted', 'للمدرسة', 'مدرس'],
    ['ف + the article', 'فالأمر', 'امر'],
    ['ك + the article', 'كالعادة', 'عاد'],
    ['a particle before a long word, then the ا of ـيا', 'وسوريا', 'سوري'],
    ['a feminine plural', 'المفاوضات', 'مفاوض'],
    ['a masculine plural, then the nisba', 'السوريين', 'سور'],
    ['a dual', 'الجانبان', 'جانب'],
    ['a possessive suffix, then its ت as a taa marbuta', 'مدينتها', 'مدين'],
    ['a nisba adjective', 'السورية', 'سور'],
    ['a taa marbuta as ه', 'المحافظة', 'محافظ'],
  ])('strips %s: %s → %s', (_kind, word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it.each([
    ['a three-letter root starting with ب', 'بلد', 'بلد'],
    ['a three-letter root starting with ك', 'كتب', 'كتب'],
    ['a short word after و', 'ولد', 'ولد'],
    ['a two-letter word after the article', 'الحق', 'حق'],
    ['a word that is only the article plus one letter', 'الي', 'الي'],
    ['Latin words', 'iphone', 'iphone'],
    ['numbers', '2020', '2020'],
  ])('never cuts too far: %s (%s → %s)', (_kind, word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it('gives spelling variants of the same word the same stem', () => {
    const variants = ['الأسد', 'الاسد', 'الأسَد', 'والأسد', 'بالأسد', 'الأســد', 'الﺃسد'];
    expect(new Set(variants.map(stem))).toEqual(new Set(['اسد']));
  });
});

describe('stemCandidates', () => {
  it.each([
    ['بلادها', ['بلاد', 'لادها']],
    ['بمدينة', ['بمدين', 'مدين']],
    ['والأسد', ['اسد']],
    ['وزير', ['وزير', 'زير']],
    ['وزارة', ['وزار', 'زاره']],
    ['وأيّ', ['واي', 'اي']],
    ['فهو', ['فهو']],
    ['بسيارته', ['بسيارت', 'سيارت']],
  ])('reads %s as %j', (word, expected) => {
    expect(stemCandidates(normalizeForSearch(word))).toEqual(expected);
  });

  it.each([
    ['فاسدة', 'الأسد'],
    ['فيلم', 'يلمّ'],
  ])('never gives %s a stem of %s', (word, other) => {
    const stems = new Set(stemCandidates(normalizeForSearch(other)));
    expect(stemCandidates(normalizeForSearch(word)).filter((s) => stems.has(s))).toEqual([]);
  });
});

/** Stem candidates as the index and queries read them: from the key with its hamza seats. */
const candidates = (word: string) => stemCandidates(normalizeKeepingHamzaSeats(word));
const shared = (left: string, right: string) => {
  const stems = new Set(candidates(right));
  return candidates(left).filter((s) => stems.has(s));
};

describe('stemCandidates: spellings that must meet (issue 16)', () => {
  it.each([
    ['مسئول', ['مسئول', 'مسيول']],
    ['مسؤول', ['مسئول', 'مسوول']],
    ['المسؤولين', ['مسئول', 'مسوول']],
    ['مسئولية', ['مسئول', 'مسيول']],
    ['مليئة', ['مليئ', 'مليي']],
    ['سوريا', ['سور', 'سوري']],
    ['سورية', ['سور', 'سوري']],
    ['وسوريا', ['وسور', 'سوري']],
    ['بسورية', ['بسور', 'سوري']],
    ['تركيا', ['ترك', 'تركي']],
    ['العليا', ['عليا']],
    ['قضايا', ['قضايا']],
    ['طموحهم', ['طموح']],
    ['طموحاتهم', ['طموح']],
    ['بينهما', ['بين', 'ينهما', 'بينهما']],
    ['حكومتكم', ['حكوم']],
    ['بلادنا', ['بلاد', 'لادنا']],
    ['معلنا', ['معلنا']],
    ['قضبان', ['قضبان']],
    ['بقضبان', ['بقضب', 'قضبان']],
    ['يومين', ['يوم', 'يومين']],
  ])('reads %s as %j', (word, expected) => {
    expect(candidates(word)).toEqual(expected);
  });

  it.each([
    ['a hamza on the waw and the yaa seat', 'مسؤول', 'مسئول', ['مسئول']],
    ['a hamza on a seat and its plural', 'المسؤولين', 'مسئول', ['مسئول']],
    ['a hamza on a seat and its absence', 'مسؤول', 'مسوول', ['مسوول']],
    ['ـيا and ـية in a country name', 'سوريا', 'سورية', ['سور', 'سوري']],
    ['ـيا after a clitic and ـية', 'وسوريا', 'سورية', ['سوري']],
    ['a country name and its adjective', 'ليبيا', 'الليبية', ['ليب', 'ليبي']],
    ['a word and the word with هم', 'طموح', 'طموحهم', ['طموح']],
    ['a word and the word with كم after its taa marbuta', 'الحكومة', 'حكومتكم', ['حكوم']],
    ['a word and the word after ب', 'قضبان', 'بقضبان', ['قضبان']],
    ['a word and the word after و', 'طموح', 'وطموح', ['طموح']],
    ['a dual and its singular', 'يومين', 'اليوم', ['يوم']],
    ['a plural in ين and its singular in ي, on a hollow stem', 'الباقين', 'الباقي', ['باقي']],
    ['a nisba and its feminine, on a hollow stem', 'الحالي', 'الحالية', ['حالي']],
    ['a feminine plural and its singular, on a hollow stem', 'باقات', 'باقة', ['باق']],
  ])('%s meet: %s and %s share %j', (_kind, left, right, expected) => {
    expect(shared(left, right)).toEqual(expected);
  });

  it.each([
    ['a hamza on a seat kept apart from ي + يه', 'مليئة', 'مليون'],
    ['ون leaving 3 letters', 'الزيتون', 'الزيت'],
    ['ون leaving 3 letters', 'قانون', 'قان'],
    ['ان leaving 3 letters', 'لبنان', 'لبن'],
    ['ان leaving 3 letters', 'رمضان', 'رمض'],
    ['ين of a تفعيل noun', 'تكوين', 'تكو'],
    ['ين of a تفعيل noun', 'التأمين', 'تام'],
    ['نا of an accusative', 'معلنا', 'معل'],
    ['ـيا of a broken plural', 'قضايا', 'قضاة'],
    ['ـيا leaving 2 letters', 'العليا', 'علي'],
    ['a particle and a suffix from one word', 'فاسدة', 'الأسد'],
    ['a ي-ending and ات on a hollow stem', 'الباقين', 'باقات'],
    ['a ي-ending and ة on a hollow stem', 'الحالي', 'حالة'],
    ['a ي-ending and ة on a hollow stem', 'العادي', 'عادة'],
  ])('keeps apart (%s): %s and %s', (_kind, left, right) => {
    expect(shared(left, right)).toEqual([]);
  });
});

describe('seatReadings', () => {
  it.each([
    ['مسؤول', ['مسئول', 'مسوول']],
    ['مسئول', ['مسئول', 'مسيول']],
    ['شؤون', ['شئون', 'شوون']],
    ['مسوول', ['مسوول']],
  ])('reads %s as %j', (stem, expected) => {
    expect(seatReadings(stem)).toEqual(expected);
  });
});
