/**
 * Light stemming of Arabic search keys, in the spirit of light10 (Larkey,
 * Ballesteros and Connell, "Light Stemming for Arabic Information
 * Retrieval", in Arabic Computational Morphology, Springer 2007; first
 * described at SIGIR 2002): strip the common clitic prefixes and one
 * common suffix, never cutting below a safe length, and never touching the
 * root pattern itself. Works on keys already normalised by
 * `normalizeKeepingHamzaSeats` or `normalizeForSearch` (ة→ه, ى→ي, hamza
 * alefs unified, no diacritics).
 *
 * Rules, in order:
 * 1. The definite article with an attached particle (وال بال كال فال لل)
 *    or alone (ال), when at least 2 letters remain (light10's rule).
 * 2. Otherwise, with `particles`, one particle (و ف ب ك ل) when at least
 *    4 letters remain. Particles also begin many words (بلاد, كتب, لعب,
 *    وزير), so `stemCandidates` gives both readings and the index keeps both:
 *    the right one always matches, and exact forms still rank first.
 * 3. The suffixes, each in this order and each once, as light10 does
 *    (السوريين → سوري → سور, like السورية → سور), when at least 3 letters
 *    remain; 4 after a one-letter particle, as a particle and a suffix
 *    taken from one word leave too little to tell words apart (فاسدة → اسد
 *    would match الأسد):
 *    - the attached pronouns هما هم هن كم, and نا when 4 letters remain
 *      and not after ا و ي (as معلنا, بيانا and مبينا end so): طموحهم →
 *      طموح, بلادنا → بلاد;
 *    - light10's ها ان ات ون ين يه, but ان and ون only when 4 letters
 *      remain (on the corpus, a 3-letter rest is mostly a word of its own:
 *      قانون, مليون, زيتون, لبنان, رمضان, انسان), and ين not from ت and two
 *      letters (the verbal nouns تكوين, تعيين, تأمين, not duals);
 *    - after a pronoun, a ت (not ات): the taa marbuta of the noun, as in
 *      مدينتها (مدينة + ها), so it goes as ه does: مدين;
 *    - ا after ي, when 3 letters would be left without the يا (not after
 *      ا, as قضايا ends so): سوريا → سوري, read like سورية, and the
 *      adverbs حاليا, رسميا like حالي, رسمي; العليا keeps its ا;
 *    - ه and ي, and a doubled yaa;
 *    - but when a ي-ending (ي يه ين) leaves a 3-letter rest with ا in the
 *      middle, the ي stays: الباقين, الباقي, باقية → باقي, apart from
 *      باقات, باقة → باق (and الحالي from حالة, العادي from عادة).
 * Latin words and numbers are left alone. A hamza on a seat (ؤ ئ) is a
 * letter like any other here; `stemCandidates` reads it both ways.
 */

import { dropHamzaSeats } from './normalize.js';

const ARTICLES = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال'] as const;
const PARTICLES = ['و', 'ف', 'ب', 'ك', 'ل'] as const;

/** A suffix and the least letters it leaves (4 after a particle, see rule 3). */
interface Suffix {
  text: string;
  minLeft: number;
  /** Whether the rest of the word may lose the suffix, when that depends on it. */
  allows?: (rest: string) => boolean;
}
const SUFFIXES: readonly Suffix[] = [
  { text: 'هما', minLeft: 3 },
  { text: 'هم', minLeft: 3 },
  { text: 'هن', minLeft: 3 },
  { text: 'كم', minLeft: 3 },
  { text: 'نا', minLeft: 4, allows: (rest) => /[^اوي]$/.test(rest) },
  { text: 'ها', minLeft: 3 },
  // لبنان, رمضان, انسان, اعلان: not plurals or duals.
  { text: 'ان', minLeft: 4 },
  { text: 'ات', minLeft: 3 },
  // قانون, مليون, زيتون, تعاون.
  { text: 'ون', minLeft: 4 },
  // Duals (يومين, شخصين) but not the verbal nouns تكوين, تعيين, تأمين, تحسين.
  { text: 'ين', minLeft: 3, allows: (rest) => !/^ت..$/.test(rest) },
  { text: 'يه', minLeft: 3 },
  { text: 'ه', minLeft: 3 },
  // 4 left with the ي: 3 once the ي goes too.
  { text: 'ا', minLeft: 4, allows: (rest) => /[^ا]ي$/.test(rest) },
  { text: 'ي', minLeft: 3 },
];

/** Least letters left after removing an article, a particle, a suffix. */
export const MIN_AFTER_ARTICLE = 2;
export const MIN_AFTER_PARTICLE = 4;
export const MIN_AFTER_SUFFIX = 3;
/** Least letters left after a suffix when a one-letter particle was removed too. */
export const MIN_AFTER_PARTICLE_AND_SUFFIX = 4;

const ARABIC_WORD = /^[\u0621-\u064A]+$/;

/** Pronouns after which a ت is the taa marbuta of the noun (مدينتهم is مدينة + هم). */
const PRONOUNS: ReadonlySet<string> = new Set(['هما', 'هم', 'هن', 'كم', 'نا', 'ها']);

/** Endings that begin with the yaa of a nisba or of a defective participle (الباقي, الباقين). */
const YAA_ENDINGS: ReadonlySet<string> = new Set(['ين', 'يه', 'ي']);
/** A 3-letter rest with ا in the middle: باق, حال, عاد, جار. */
const HOLLOW_REST = /^.ا.$/;

function stripSuffixes(stem: string, minAfterSuffix: number): string {
  let word = stem;
  let yaa = false;
  for (const suffix of SUFFIXES) {
    if (
      word.endsWith(suffix.text) &&
      word.length - suffix.text.length >= Math.max(suffix.minLeft, minAfterSuffix) &&
      (suffix.allows?.(word.slice(0, word.length - suffix.text.length)) ?? true)
    ) {
      word = word.slice(0, word.length - suffix.text.length);
      if (YAA_ENDINGS.has(suffix.text)) yaa = true;
      // The taa marbuta written ت before the pronoun goes as ة (ه) would.
      if (PRONOUNS.has(suffix.text) && /[^ا]ت$/.test(word) && word.length - 1 >= minAfterSuffix)
        word = word.slice(0, -1);
    }
  }
  // A doubled yaa (كهربائي → كهربايي, the nisba of a word in ـاء) goes whole,
  // as it does after يه in the feminine (كهربائية → كهرباي → كهربا).
  while (word.endsWith('ي') && word.length - 1 >= minAfterSuffix) {
    word = word.slice(0, -1);
    yaa = true;
  }
  // باقي, الباقين, باقية keep their ي where باقة and باقات lose ة and ات:
  // on a 3-letter hollow rest the two readings are different words (حالي
  // and حالة, عادي and عادة, جاري and جارة), not one word inflected.
  return yaa && HOLLOW_REST.test(word) ? `${word}ي` : word;
}

/**
 * The light stem of a normalised key; the key itself when it is not an
 * Arabic word or nothing can be removed safely. `particles` (default true)
 * allows rule 2; `afterParticle` asks for 4 letters after a suffix as if a
 * particle had been removed.
 *
 * @example lightStem('والاسد') === 'اسد'
 * @example lightStem('المدرسه') === 'مدرس'
 * @example lightStem('بلد') === 'بلد'
 */
export function lightStem(
  key: string,
  options: { particles?: boolean; afterParticle?: boolean } = {},
): string {
  if (!ARABIC_WORD.test(key)) return key;
  let word = key;
  let minAfterSuffix = options.afterParticle ? MIN_AFTER_PARTICLE_AND_SUFFIX : MIN_AFTER_SUFFIX;
  const article = ARTICLES.find(
    (a) => word.startsWith(a) && word.length - a.length >= MIN_AFTER_ARTICLE,
  );
  if (article) {
    word = word.slice(article.length);
  } else if (options.particles !== false) {
    const particle = PARTICLES.find(
      (p) => word.startsWith(p) && word.length - p.length >= MIN_AFTER_PARTICLE,
    );
    if (particle) {
      word = word.slice(particle.length);
      minAfterSuffix = MIN_AFTER_PARTICLE_AND_SUFFIX;
    }
  }
  return stripSuffixes(word, minAfterSuffix);
}

/**
 * Conjunctions read off short words too: `وأيّ` is `و` + `أيّ`. Only و: many
 * common words begin with ف (فيلم, فريق), and reading them as ف + a short
 * word made فيلم match يلمّ.
 */
const CONJUNCTIONS = ['و'] as const;
/** Least letters left after a conjunction for that third reading. */
export const MIN_AFTER_CONJUNCTION = 2;

/**
 * The stems a key may have:
 * - read without a leading particle, with one (rule 2), and, for a leading
 *   و, the rest of the word when at least 2 letters remain (light10's
 *   article rule, applied to the conjunction so that short words such as
 *   أيّ are found inside وأيّ);
 * - read without a particle but cut as if one had been removed (4 letters
 *   left after a suffix), so that a word matches itself after a clitic:
 *   شعبها gives شعبها as بشعبها does, besides شعب;
 * - when a reading has a hamza on a seat (keys from
 *   `normalizeKeepingHamzaSeats`), once with both seats written ئ (مسؤول
 *   and مسئول give مسئول) and once without the hamza (مسوول, as
 *   `normalizeForSearch` spells it), instead of as it is.
 * Distinct strings, in that order.
 *
 * @example stemCandidates('بلادها') // ['بلاد', 'لادها']
 * @example stemCandidates('بالاسد') // ['اسد']
 * @example stemCandidates('واي') // ['واي', 'اي']
 * @example stemCandidates('شعبها') // ['شعب', 'شعبها']
 * @example stemCandidates('مسؤول') // ['مسئول', 'مسوول']
 */
export function stemCandidates(key: string): string[] {
  const readings = [
    lightStem(key, { particles: false }),
    lightStem(key),
    lightStem(key, { particles: false, afterParticle: true }),
  ];
  const conjunction = CONJUNCTIONS.find(
    (c) =>
      key.startsWith(c) && key.length - c.length >= MIN_AFTER_CONJUNCTION && ARABIC_WORD.test(key),
  );
  if (conjunction)
    readings.push(
      lightStem(key.slice(conjunction.length), { particles: false, afterParticle: true }),
    );
  return [...new Set(readings.flatMap(seatReadings))];
}

const SEAT = /[\u0624\u0626]/;
const WAW_SEAT = /\u0624/g;

/**
 * A stem as the index keeps it: with a hamza on a seat, once with every
 * seat written ئ and once without the hamza (ؤ → و, ئ → ي); else as it is.
 *
 * @example seatReadings('مسؤول') // ['مسئول', 'مسوول']
 */
export function seatReadings(stem: string): string[] {
  return SEAT.test(stem) ? [stem.replace(WAW_SEAT, '\u0626'), dropHamzaSeats(stem)] : [stem];
}

/**
 * The particle (و ف ب ك ل) that `key` begins with when the rest of it is
 * `rest`, for highlighting only the word after a clitic; else null.
 *
 * @example leadingParticle('واي', 'اي') === 'و'
 */
export function leadingParticle(key: string, rest: string): string | null {
  const first = key[0];
  return first !== undefined &&
    (PARTICLES as readonly string[]).includes(first) &&
    key.slice(1) === rest
    ? first
    : null;
}
